// Where the long frames of the interaction are, and what filled them: one load of each build
// (after a warm-up load), the bench's click and interaction, traced with the DevTools timeline
// and cc categories and the layer tree, then for every frame interval over 33 ms (by the page's
// requestAnimationFrame, as the bench counts them) what ran in it: the renderer main thread's
// long work (script, style, layout, paint, commit), the compositor thread's, and raster per layer
// (named by its DOM node). The tracing slows the page, so the figures say what, not how fast.
//
//   node bench/frame-timeline.mjs --build base=/path/to/dist [--build fix=dist] [--runs N] [--all] [--before LABEL=FILE]
//
// --all: every frame of the interaction, not only the long ones (to see the settle's raster).
// --runs N: N traced loads of each build, rotated (A B, B A, …); each prints a line with the
// raster per part of the interaction and layer (tiles, and the raster threads' ms), which depend
// far less on the machine's other load than the frame intervals do (`cpu`: the raster threads'
// own CPU time, which the other load disturbs less still).
// --before LABEL=FILE: a function expression (the file's text) run and awaited in LABEL's page
// after the click, before the interaction: to try an idea without building it (two labels may
// name the same build, one with a script, one without; bench/experiments/ holds those tried).
// --skia: Skia's trace categories too, and a line per load with the raster threads' time by
// drawing call (drawTextBlob, drawPaint, …): what a tile's raster is made of.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { findBrowser } from '../scripts/find-browser.js';
import { ROOT, startServer } from './server.mjs';

const { values } = parseArgs({
  options: {
    build: { type: 'string', multiple: true },
    all: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    before: { type: 'string', multiple: true },
    skia: { type: 'boolean', default: false },
  },
});
process.argv.splice(2);
const { FLAGS, IGNORED_DEFAULTS, log } = await import('./cli.mjs');
const { warmFonts, quiet } = await import('./cdp.mjs');
const { measure, interact } = await import('./measures.mjs');
const { openClicked } = await import('./open-page.mjs');

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'cc',
  ...(values.skia ? ['disabled-by-default-skia'] : []),
];
const builds = Object.fromEntries((values.build ?? []).map((spec) => [spec.split('=')[0], resolve(spec.split('=')[1])]));
/** `--before LABEL=FILE`: a function expression run (awaited) in LABEL's page before the interaction, to try a change without building it. */
const before = Object.fromEntries((values.before ?? []).map((spec) => [spec.split('=')[0], resolve(spec.split('=')[1])]));
const viewerOf = (label) => ({ id: label, label, path: `/bench/build/${label}/e-paper.html`, zoomModifiers: 2 });

/** Layer id → what it is: its DOM node's name and class, from the CDP LayerTree domain. */
async function layerNames(cdp, layers) {
  const names = new Map();
  for (const layer of layers.values()) {
    let name = layer.backendNodeId ? '' : '(no node)';
    if (layer.backendNodeId) {
      try {
        const { node } = await cdp.send('DOM.describeNode', { backendNodeId: layer.backendNodeId });
        const attrs = Object.fromEntries((node.attributes ?? []).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v, all[i + 1]]]), []));
        name = `${node.nodeName.toLowerCase()}${attrs.class ? '.' + attrs.class.split(/\s+/).join('.') : ''}${attrs.part ? `[part=${attrs.part}]` : ''}`;
      } catch {
        name = `(node ${layer.backendNodeId} gone)`;
      }
    }
    names.set(String(layer.layerId), `${name} ${Math.round(layer.width)}×${Math.round(layer.height)}`);
  }
  return names;
}

function analyse(trace, frames, phases, offsetUs, names, all) {
  const events = trace.traceEvents ?? trace;
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const mainKey = (() => {
    const counts = new Map();
    for (const e of events)
      if (e.name === 'FireAnimationFrame' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
        counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  })();
  const pid = Number(mainKey.split(':')[0]);
  const toPage = (ts) => (ts - offsetUs) / 1000;
  const mine = events.filter((e) => e.pid === pid && e.ph === 'X');
  const main = mine.filter((e) => `${e.pid}:${e.tid}` === mainKey);
  const compositor = mine.filter((e) => threads.get(`${e.pid}:${e.tid}`) === 'Compositor' && e.name === 'RunTask');
  const raster = mine.filter((e) => e.name === 'RasterTask');
  const KINDS = [
    'FunctionCall',
    'EventDispatch',
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'Commit',
    'MajorGC',
    'MinorGC',
    'TimerFire',
    'FireAnimationFrame',
  ];
  const phaseOf = (t) => [...phases].reverse().find((p) => p.t <= t)?.name ?? 'start';
  // All the raster of the interaction, by part of it and layer.
  const rasterByPart = {};
  for (const e of raster) {
    const t = toPage(e.ts);
    if (t < frames[0] || t > frames.at(-1)) continue;
    const k = names.get(String(e.args?.tileData?.layerId ?? '?')) ?? `layer ${e.args?.tileData?.layerId}`;
    const r = ((rasterByPart[phaseOf(t)] ??= {})[k] ??= { tiles: 0, ms: 0, cpu: 0 });
    r.tiles++;
    r.ms = Math.round((r.ms + e.dur / 1000) * 10) / 10;
    r.cpu = Math.round((r.cpu + (e.tdur ?? e.dur) / 1000) * 10) / 10;
  }
  // The raster threads' time by Skia drawing call, over the interaction (with --skia).
  const rasterThreads = new Set(raster.map((e) => `${e.pid}:${e.tid}`));
  const rasterCalls = {};
  for (const e of mine) {
    if (!e.name.startsWith('void SkCanvas::') || !rasterThreads.has(`${e.pid}:${e.tid}`)) continue;
    const t = toPage(e.ts);
    if (t < frames[0] || t > frames.at(-1)) continue;
    const name = e.name.replace(/^void SkCanvas::(\w+).*/, '$1');
    const c = (rasterCalls[name] ??= { calls: 0, ms: 0 });
    c.calls++;
    c.ms += (e.tdur ?? e.dur) / 1000;
  }
  for (const c of Object.values(rasterCalls)) c.ms = Math.round(c.ms * 10) / 10;
  const out = [];
  for (let i = 1; i < frames.length; i++) {
    const [a, b] = [frames[i - 1], frames[i]];
    if (!all && b - a <= 33) continue;
    const inWindow = (e) => toPage(e.ts) < b && toPage(e.ts + (e.dur ?? 0)) > a;
    const sum = {};
    for (const e of main.filter(inWindow))
      if (KINDS.includes(e.name)) sum[e.name] = Math.round(((sum[e.name] ?? 0) + e.dur / 1000) * 10) / 10;
    const longMain = main
      .filter((e) => e.name === 'RunTask' && e.dur > 8000 && inWindow(e))
      .map((e) => `${Math.round(toPage(e.ts) - a)}+${Math.round(e.dur / 1000)}`);
    const longComp = compositor
      .filter((e) => e.dur > 8000 && inWindow(e))
      .map((e) => `${Math.round(toPage(e.ts) - a)}+${Math.round(e.dur / 1000)}`);
    const byLayer = {};
    for (const e of raster.filter(inWindow)) {
      const id = String(e.args?.tileData?.layerId ?? '?');
      const k = names.get(id) ?? `layer ${id}`;
      const r = (byLayer[k] ??= { tiles: 0, ms: 0, cpu: 0 });
      r.tiles++;
      r.ms = Math.round((r.ms + e.dur / 1000) * 10) / 10;
      r.cpu = Math.round((r.cpu + (e.tdur ?? e.dur) / 1000) * 10) / 10;
    }
    out.push({
      at: Math.round(a - frames[0]),
      ms: Math.round(b - a),
      phase: phaseOf(b),
      main: sum,
      longMain,
      longCompositor: longComp,
      raster: byLayer,
    });
  }
  return { frames: out, rasterByPart, rasterCalls };
}

const server = await startServer({ builds });
const browser = await chromium.launch({ executablePath: await findBrowser(), args: FLAGS, ignoreDefaultArgs: IGNORED_DEFAULTS });
const outDir = join(ROOT, 'bench/results');
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join('/')}`,
);
try {
  const browserCdp = await browser.newBrowserCDPSession();
  await warmFonts(browser);
  const labels = Object.keys(builds);
  for (const label of labels) await measure(browser, browserCdp, server.origin, viewerOf(label), -1);
  const runs = Math.max(1, Number(values.runs) || 1);
  for (let n = 0; n < runs * labels.length; n++) {
    const round = Math.floor(n / labels.length);
    const label = labels[(n + round) % labels.length];
    const { context, page, cdp, input } = await openClicked(browser, server.origin, viewerOf(label), { errors: [] });
    try {
      if (before[label]) {
        // Prettier ends the file's one expression with a semicolon, which the call around it cannot take.
        const done = await page.evaluate(`(${readFileSync(before[label], 'utf8').trim().replace(/;$/, '')})()`);
        console.log(`  --before: ${JSON.stringify(done)}`);
        await page.evaluate(quiet);
      }
      await cdp.send('DOM.enable');
      await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const layers = new Map();
      cdp.on('LayerTree.layerTreeDidChange', ({ layers: list }) => {
        for (const l of list ?? []) layers.set(l.layerId, l);
      });
      await cdp.send('LayerTree.enable');
      await browser.startTracing(page, { categories: CATEGORIES });
      await page.evaluate(() => performance.mark('frame-timeline-sync'));
      const interaction = await interact(page, input, viewerOf(label), browser, browserCdp, browser.process?.()?.pid, new Map(), null, {
        trace: false,
      });
      const buffer = await browser.stopTracing();
      const trace = JSON.parse(buffer.toString('utf8'));
      const sync = await page.evaluate(() => ({
        mark: performance.getEntriesByName('frame-timeline-sync')[0].startTime,
        run: window.__harness.lastRun,
      }));
      const markEvent = (trace.traceEvents ?? trace).find((e) => e.name === 'frame-timeline-sync' && e.ts);
      const offsetUs = markEvent.ts - sync.mark * 1000;
      const names = await layerNames(cdp, layers);
      const { frames: timeline, rasterByPart, rasterCalls } = analyse(trace, sync.run.frames, sync.run.phases, offsetUs, names, values.all);
      const file = join(outDir, `${stamp}-timeline-${label}-${round + 1}.json`);
      writeFileSync(
        file,
        JSON.stringify(
          {
            label,
            over33: interaction.intervalsOver33,
            maxMs: interaction.maxIntervalMs,
            loafMs: interaction.loafTotalMs,
            phases: sync.run.phases.map((p) => ({ ...p, t: Math.round(p.t - sync.run.frames[0]) })),
            rasterByPart,
            timeline,
          },
          null,
          1,
        ),
      );
      if (round === 0) writeFileSync(file.replace(/\.json$/, '-trace.json'), buffer);
      console.log(
        `\n${label}: ${interaction.intervalsOver33} intervals > 33 ms, longest ${interaction.maxIntervalMs} ms, LoAF ${Math.round(interaction.loafTotalMs)} ms; phases ${sync.run.phases.map((p) => `${p.name}@${Math.round(p.t - sync.run.frames[0])}`).join(' ')}`,
      );
      console.log(`  raster by part and layer (tiles/ms): ${JSON.stringify(rasterByPart)}`);
      if (values.skia) console.log(`  raster threads by drawing call (CPU ms): ${JSON.stringify(rasterCalls)}`);
      for (const f of timeline) console.log(JSON.stringify(f));
    } finally {
      await context.close().catch(() => {});
    }
  }
} finally {
  await browser.close();
  await server.close();
}
