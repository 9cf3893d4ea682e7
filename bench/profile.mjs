// One load of e-paper with the DevTools timeline traced over the click and over the interaction,
// summed into what the main thread and the raster workers did (compare.mjs --profile). Tracing
// these categories slows the page a lot on 2 cores: the load is for what happened (how many
// style recalculations, over how many elements, which tasks were long and what filled them),
// never for timings to compare with the untraced loads. `cpuMs` is the thread's own CPU time in
// the events (`tdur`), which the other work on the machine disturbs less than their wall time.
import { writeFileSync } from 'node:fs';
import { interact } from './measures.mjs';
import { sleep } from './cli.mjs';
import { openClicked } from './open-page.mjs';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'cc',
];

/** Summary of a trace: per event name on the renderer's main thread and raster threads. */
export function summariseTrace(buffer, { from = -Infinity } = {}) {
  const trace = JSON.parse(buffer.toString('utf8'));
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const threadNames = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  // The renderer whose main thread ran the page: the one with the most UpdateLayoutTree events.
  const mainCounts = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (threadNames.get(key) === 'CrRendererMain' && e.name === 'UpdateLayoutTree') mainCounts.set(key, (mainCounts.get(key) ?? 0) + 1);
  }
  const main = [...mainCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const pid = main?.split(':')[0];
  const names = [
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'Commit',
    'FunctionCall',
    'EventDispatch',
    'HitTest',
    'FireAnimationFrame',
    'TimerFire',
    'ParseAuthorStyleSheet',
    'ScheduleStyleRecalculation',
    'InvalidateLayout',
  ];
  const sums = Object.fromEntries(names.map((n) => [n, { count: 0, ms: 0, maxMs: 0, cpuMs: 0 }]));
  let restyled = 0;
  let maxRestyled = 0;
  const tasks = [];
  const raster = { count: 0, ms: 0, maxMs: 0, cpuMs: 0 };
  const t0 = events.find((e) => e.ph === 'X' && e.ts)?.ts ?? 0;
  const mainEvents = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.ts >= from);
  for (const e of mainEvents) {
    const ms = (e.dur ?? 0) / 1000;
    if (sums[e.name]) {
      const s = sums[e.name];
      s.count++;
      s.ms += ms;
      s.cpuMs += (e.tdur ?? 0) / 1000;
      s.maxMs = Math.max(s.maxMs, ms);
    }
    if (e.name === 'UpdateLayoutTree') {
      const n = e.args?.elementCount ?? 0;
      restyled += n;
      maxRestyled = Math.max(maxRestyled, n);
    }
    if (e.name === 'RunTask' && ms > 30) tasks.push(e);
  }
  for (const e of events) {
    if (String(e.pid) !== pid || e.ph !== 'X' || !/RasterTask|TaskGraphRunner::RunTask/.test(e.name)) continue;
    if (e.name !== 'RasterTask') continue;
    const ms = (e.dur ?? 0) / 1000;
    raster.count++;
    raster.ms += ms;
    raster.cpuMs += (e.tdur ?? 0) / 1000;
    raster.maxMs = Math.max(raster.maxMs, ms);
  }
  // The long tasks, each with what ran inside it (by name, summed; nested events count in each).
  const long = tasks
    .sort((a, b) => b.dur - a.dur)
    .slice(0, 8)
    .map((task) => {
      const inside = {};
      for (const e of mainEvents) {
        if (e === task || e.ts < task.ts || e.ts + (e.dur ?? 0) > task.ts + task.dur) continue;
        if (!sums[e.name] && !['RunTask', 'V8.GC_SCAVENGER', 'MinorGC', 'MajorGC', 'v8.compile', 'EvaluateScript'].includes(e.name))
          continue;
        inside[e.name] = Math.round(((inside[e.name] ?? 0) + e.dur / 1000) * 10) / 10;
        if (e.name === 'UpdateLayoutTree') inside.elementsRestyled = (inside.elementsRestyled ?? 0) + (e.args?.elementCount ?? 0);
        if (e.name === 'FunctionCall' && e.dur > 3000)
          (inside.functions ??= []).push(
            `${e.args?.data?.functionName || '?'}@${String(e.args?.data?.url ?? '')
              .split('/')
              .pop()}:${e.args?.data?.lineNumber}`,
          );
      }
      return { atMs: Math.round((task.ts - t0) / 1000), ms: Math.round(task.dur / 100) / 10, inside };
    });
  const round = (s) => ({
    count: s.count,
    ms: Math.round(s.ms * 10) / 10,
    cpuMs: Math.round(s.cpuMs * 10) / 10,
    maxMs: Math.round(s.maxMs * 10) / 10,
  });
  return {
    main: Object.fromEntries(
      Object.entries(sums)
        .filter(([, s]) => s.count)
        .map(([n, s]) => [n, round(s)]),
    ),
    elementsRestyled: restyled,
    maxElementsInOneRecalc: maxRestyled,
    raster: round(raster),
    longTasks: long,
  };
}

/** One load: ready, quiet, the click traced, then the interaction traced (no other tracing). */
export async function profileLoad(browser, browserCdp, origin, viewer, file) {
  const result = { errors: [] };
  let context;
  try {
    let clickTrace;
    const opened = await openClicked(browser, origin, viewer, result, async (click, page) => {
      await sleep(500);
      await browser.startTracing(page, { categories: CATEGORIES });
      const clicked = await click();
      clickTrace = await browser.stopTracing();
      writeFileSync(file.replace(/\.json$/, '-click.json'), clickTrace);
      return clicked;
    });
    ({ context } = opened);
    const { page, input } = opened;
    result.click = opened.click;
    await browser.startTracing(page, { categories: CATEGORIES });
    result.interaction = await interact(page, input, viewer, browser, browserCdp, browser.process?.()?.pid, new Map(), null, {
      trace: false,
    });
    const interactionTrace = await browser.stopTracing();
    writeFileSync(file.replace(/\.json$/, '-interaction.json'), interactionTrace);
    result.summary = {
      click: { ms: result.click.ms, longestEventMs: result.click.longestEventMs, ...summariseTrace(clickTrace) },
      interaction: {
        loafMs: result.interaction.loafTotalMs,
        over33: result.interaction.intervalsOver33,
        parts: result.interaction.parts,
        ...summariseTrace(interactionTrace),
      },
      errors: result.errors,
    };
  } catch (error) {
    result.summary = { errors: [...result.errors, `failed: ${error.message}`] };
  } finally {
    await context?.close().catch(() => {});
  }
  return result;
}
