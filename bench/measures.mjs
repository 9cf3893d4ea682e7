// The measures: one load of one viewer with its interaction (zoom, pan, click an article,
// reload); the scaling scenario's (issue 11) are in scale-measures.mjs.
import { join, relative } from 'node:path';
import { ROOT } from './server.mjs';
import { cpuDelta, cpuSnapshot } from './cpu.mjs';
import {
  TRACE,
  VIEWPORT,
  TARGET_SCALE,
  ZOOM_POINT,
  WHEEL_DELTA,
  WHEEL_INTERVAL,
  MAX_WHEEL_STEPS,
  STROKES,
  STROKE_MS,
  MOVE_MS,
  SETTLE_MS,
  CLICK_ARTICLE,
  PERSIST_WAIT_MS,
  FRAME_LIMIT_MS,
  SCREENSHOTS,
  sleep,
  timeout,
  probeOf,
} from './cli.mjs';
import { workerChannel, networkLog, accountBytes, timingEntries, quiet, droppedFrames } from './cdp.mjs';

// ---- one load of one viewer ---------------------------------------------------------------------

export async function measure(browser, browserCdp, origin, viewer, round) {
  const browserPid = browser.process?.()?.pid;
  const result = { viewer: viewer.id, round, warmup: round < 0, errors: [], phases: {} };
  let lastPhase = performance.now();
  const phase = (name) => {
    const now = performance.now();
    result.phases[name] = Math.round(now - lastPhase);
    lastPhase = now;
  };
  const { context, page } = await benchPage(browser, result);
  try {
    let onReady;
    let readyCpu = new Promise((resolve) => (onReady = resolve));
    let cpuStart;
    await page.exposeBinding('__benchSignal', async (_source, name) => {
      if (name === 'ready') onReady(await cpuSnapshot(browserPid, browserCdp));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const requests = networkLog(cdp);
    const workers = workerChannel(cdp);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    const input = (params) => cdp.send('Input.dispatchMouseEvent', params);

    // Load: navigation → the page's `ready` mark.
    cpuStart = await cpuSnapshot(browserPid, browserCdp);
    await page.goto(origin + viewer.path, { waitUntil: 'commit' });
    const cpuReady = await Promise.race([readyCpu, timeout(30000)]);
    if (!cpuReady) throw new Error('no ready mark within 30 s');
    const ready = await page.evaluate(() => performance.getEntriesByName('ready')[0].startTime);
    result.readyMs = ready;
    const cpuLoad = cpuDelta(cpuStart, cpuReady);
    result.cpuToReadyMs = cpuLoad.total;
    result.cpuToReadyByType = cpuLoad.byType;
    result.env = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      return {
        webgl: !!(canvas.getContext('webgl2') || canvas.getContext('webgl')),
        osdDrawer: window.viewer?.drawer?.getType?.() ?? null,
        pdfjsVersion: globalThis.pdfjsLib?.version ?? null,
      };
    });

    // Bytes up to ready.
    await sleep(50);
    const timing0 = await page.evaluate(timingEntries);
    result.load = accountBytes(requests, timing0, 0, ready);
    phase('load');
    // compare.mjs --ready-only: the load alone.
    if (viewer.readyOnly) return result;

    // What a viewer still does after its ready mark (more tiles, the text layer) is not timed
    // below: wait until the main thread is quiet (12 frames in a row on time, at most 5 s).
    result.quietAfterReadyMs = await page.evaluate(quiet);
    phase('quiet');

    // Click on an article → its text shown.
    result.click = await clickArticle(page, input, viewer.clickCpu ? cdp : null);
    phase('click');

    // JS heap after GC: the page and its workers.
    await cdp.send('HeapProfiler.collectGarbage');
    const heapPage = await cdp.send('Runtime.getHeapUsage');
    let heapWorkers = 0;
    for (const sessionId of workers.sessions.keys()) {
      try {
        await workers.send(sessionId, 'HeapProfiler.collectGarbage');
        heapWorkers += (await workers.send(sessionId, 'Runtime.getHeapUsage')).usedSize;
      } catch (error) {
        result.errors.push(`worker heap: ${error.message}`);
      }
    }
    result.heapPage = heapPage.usedSize;
    result.heapWorkers = heapWorkers;
    result.heapMB = (heapPage.usedSize + heapWorkers) / 2 ** 20;
    phase('heap');

    // compare.mjs --click-only: the load and the click, nothing after.
    if (viewer.clickOnly) return result;

    // Interaction: wheel zoom to 4× at a point, then drag-pans, with real input. compare.mjs
    // --before: a script run in the page first, to try a change without building it.
    if (viewer.before) result.before = await page.evaluate(viewer.before);
    await page.evaluate(quiet);
    result.interaction = await interact(page, input, viewer, browser, browserCdp, browserPid, requests, round === 0 ? SCREENSHOTS : null);
    phase('interaction');

    // Everything fetched by the end of the visit (before the reload): with e-paper, the parts
    // loaded on demand after the first render (the reader) count here and not up to ready.
    result.toEnd = visitBytes(accountBytes(requests, await page.evaluate(timingEntries), 0, Infinity), ready);

    // Reload → reading position restored (e-paper).
    if (viewer.reload) {
      result.reload = await reloadCheck(page);
      phase('reload');
    }
  } catch (error) {
    result.errors.push(`failed: ${error.message}`);
  } finally {
    await context.close().catch(() => {});
  }
  return result;
}

/** The totals of `bytes`, and its scripts with when each was fetched relative to ready. */
export function visitBytes(bytes, ready) {
  const { resources, ...totals } = bytes;
  const scripts = resources
    .filter((r) => r.type === 'Script')
    .map((r) => ({
      path: new URL(r.url).pathname,
      encoded: r.encoded,
      decoded: r.decoded,
      startMs: Math.round(r.start),
      afterReady: r.end > ready,
    }));
  return { ...totals, scripts };
}

// ---- shared with the scaling scenario (scale-measures.mjs) -------------------------------------------

export const waitFor = async (condition, ms) => {
  const until = performance.now() + ms;
  while (!condition() && performance.now() < until) await sleep(50);
  return condition();
};

/** A fresh context and page with the harness in it; the page's errors go to `result.errors`. */
export async function benchPage(browser, result) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    await context.addInitScript({ path: join(ROOT, 'bench/harness.js') });
    const page = await context.newPage();
    page.on('pageerror', (error) => result.errors.push(`pageerror: ${error.message}`));
    page.on(
      'console',
      (msg) =>
        msg.type() === 'error' && result.errors.push(`console: ${msg.text()}${msg.location()?.url ? ` (${msg.location().url})` : ''}`),
    );
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * What the click costs up to its first frame, from a trace of the DevTools timeline categories
 * (compare.mjs --click-cpu), in thread CPU time, which the machine's other load disturbs far less
 * than wall time:
 * - `clickMs`: the `click` event's dispatch, with the microtasks that run in it (the viewer's
 *   render), and the layout (`layoutMs`) and style (`styleMs`) inside it;
 * - `frameMs`: the main thread from the click's task to the end of the first commit after it (the
 *   click, then the frame's animation callbacks, style, layout, paint and commit), with that
 *   window's style, layout and paint (`frameStyleMs`, `frameLayoutMs`, `framePaintMs`);
 * - `rasterMs`: the raster of the tiles of that commit (raster worker threads), by layer in
 *   `rasterByLayer` (the compositor's layer ids, which `LayerTree` names);
 * - `toDrawMs`: wall time from the click's dispatch to the compositor's first draw after that
 *   raster (what Event Timing's duration ends on, less the input's delay).
 */
async function traceClick(cdp, click) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame',
    transferMode: 'ReportEvents',
  });
  try {
    await click();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  const dispatch = events.find((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  if (!dispatch) return null;
  const ms = (us) => Math.round(us / 100) / 10;
  const onMain = (e) => e.ph === 'X' && e.pid === dispatch.pid && e.tid === dispatch.tid;
  const cpuOf = (name, from, to) =>
    ms(events.filter((e) => onMain(e) && e.name === name && e.ts >= from && e.ts <= to).reduce((sum, e) => sum + (e.tdur ?? 0), 0));
  const result = {
    clickMs: ms(dispatch.tdur ?? 0),
    layoutMs: cpuOf('Layout', dispatch.ts, dispatch.ts + dispatch.dur),
    styleMs: cpuOf('UpdateLayoutTree', dispatch.ts, dispatch.ts + dispatch.dur),
  };
  const commit = events.filter((e) => onMain(e) && e.name === 'Commit' && e.ts > dispatch.ts).sort((a, b) => a.ts - b.ts)[0];
  if (!commit) return result;
  const end = commit.ts + commit.dur;
  const task = events.find((e) => onMain(e) && e.name === 'RunTask' && e.ts <= dispatch.ts && e.ts + e.dur >= dispatch.ts + dispatch.dur);
  const from = task?.ts ?? dispatch.ts;
  result.frameMs = ms(
    events.filter((e) => onMain(e) && e.name === 'RunTask' && e.ts >= from && e.ts < end).reduce((sum, e) => sum + (e.tdur ?? 0), 0),
  );
  result.frameStyleMs = cpuOf('UpdateLayoutTree', from, end);
  result.frameLayoutMs = cpuOf('Layout', from, end);
  result.framePaintMs = cpuOf('Paint', from, end);
  // The tiles of the first commit after the click: the first frame number rastered after it.
  const raster = events.filter((e) => e.ph === 'X' && e.pid === dispatch.pid && e.name === 'RasterTask' && e.ts >= commit.ts);
  const frame = Math.min(...raster.map((e) => e.args?.tileData?.sourceFrameNumber ?? Infinity));
  const tiles = raster.filter((e) => e.args?.tileData?.sourceFrameNumber === frame);
  result.rasterMs = ms(tiles.reduce((sum, e) => sum + (e.tdur ?? 0), 0));
  result.rasterByLayer = {};
  for (const e of tiles) {
    const layer = e.args.tileData.layerId;
    result.rasterByLayer[layer] = ms((result.rasterByLayer[layer] ?? 0) * 1000 + (e.tdur ?? 0));
  }
  const rastered = Math.max(end, ...tiles.map((e) => e.ts + e.dur));
  const draw = events.filter((e) => e.pid === dispatch.pid && e.name === 'DrawFrame' && e.ts >= rastered).sort((a, b) => a.ts - b.ts)[0];
  if (draw) result.toDrawMs = ms(draw.ts - dispatch.ts);
  return result;
}

export async function clickArticle(page, input, cdp = null) {
  const probe = probeOf(CLICK_ARTICLE);
  const point = await page.evaluate((id) => window.__harness.articlePoint(id), CLICK_ARTICLE);
  if (!point) return { ms: null, note: 'no article region to click' };
  // The peers' panel loads the edition's fonts after its ready mark (pages/panel.mjs): in before the click.
  await page.evaluate(() => window.__panelFonts);
  await page.evaluate((p) => window.__harness.armClick(p), probe);
  await input({ type: 'mouseMoved', x: point.x, y: point.y });
  await sleep(150);
  let shown = false;
  const press = async () => {
    await input({ type: 'mousePressed', x: point.x, y: point.y, button: 'left', buttons: 1, clickCount: 1 });
    await input({ type: 'mouseReleased', x: point.x, y: point.y, button: 'left', buttons: 0, clickCount: 1 });
    shown = await page
      .waitForFunction(() => window.__harness.click?.shown != null, null, { timeout: 3000, polling: 50 })
      .then(() => true)
      .catch(() => false);
  };
  const cpu = cdp ? await traceClick(cdp, press) : (await press(), undefined);
  // Long-animation-frame entries arrive after their frame: give them time before reading them.
  await sleep(250);
  const click = await page.evaluate(() => {
    const c = { ...window.__harness.click };
    // Long animation frames from the click to the text (and a little after), with their scripts.
    c.loaf =
      c.start === null ? [] : window.__harness.loaf.filter((e) => e.start + e.duration >= c.start && e.start <= (c.shown ?? c.start) + 100);
    // The click's own events (pointerdown, pointerup, click …) as Event Timing measured them.
    c.events = window.__harness.eventTiming.filter((e) => e.start >= c.armed && e.start <= (c.shown ?? c.armed + 3000));
    return c;
  });
  const articleOpenEvent = await page.evaluate(() => window.__harness.articleOpenEvents ?? null);
  // Close it again (Esc), away from the page so the interaction starts clean.
  await page.keyboard.press('Escape');
  await sleep(250);
  const stillShown = await page.evaluate((p) => window.__harness.adapter.articleShown?.(p) ?? false, probe);
  if (stillShown) {
    await page.keyboard.press('Escape');
    await sleep(250);
  }
  await page.evaluate(() => {
    window.__harness.click = null;
  });
  return {
    ms: shown ? click.shown - click.start : null,
    loaf: click.loaf.map((e) => ({ ...e, start: e.start - click.start })),
    events: click.events.map((e) => ({ ...e, start: e.start - click.start })),
    longestEventMs: click.events.length ? Math.max(...click.events.map((e) => e.duration)) : 0,
    ...(cpu !== undefined && { cpu }),
    point,
    note: shown ? undefined : click.start === null ? 'the click did not reach the page' : 'the article text did not show within 3 s',
    closedWithEsc: !stillShown,
    articleOpenEvent,
  };
}

export async function interact(page, input, viewer, browser, browserCdp, browserPid, requests, screenshotDir, { trace = TRACE } = {}) {
  const out = {};
  const startScale = await page.evaluate(() => window.__harness.scale());
  out.startScale = startScale;
  await input({ type: 'mouseMoved', x: ZOOM_POINT.x, y: ZOOM_POINT.y });
  await sleep(100);
  let tracing = false;
  if (trace) {
    try {
      // Only the 'benchmark' category (PipelineReporter, one event per frame and state): the
      // devtools frame categories cost so much on two cores that they change what they measure.
      await browser.startTracing(page, { categories: ['benchmark'] });
      tracing = true;
    } catch (error) {
      out.traceError = error.message;
    }
  }
  const cpu0 = await cpuSnapshot(browserPid, browserCdp);
  const windowStart = await page.evaluate(() => {
    window.__harness.start();
    return performance.now();
  });
  const t0 = performance.now();
  let wheelSteps = 0;
  let dispatched = 0;
  // Wheel notches every 50 ms until the viewer's own scale reaches the target: each notch is
  // awaited (handled by the page) before the scale is read, so no viewer overshoots for want of
  // a late reading; each gets as many notches as its own step size needs.
  await page.evaluate(() => window.__harness.phase('zoom'));
  for (; wheelSteps < MAX_WHEEL_STEPS; wheelSteps++) {
    const scale = await page.evaluate(() => window.__harness.scale());
    if (scale === null ? wheelSteps >= 8 : scale >= TARGET_SCALE * 0.999) break;
    await input({ type: 'mouseWheel', x: ZOOM_POINT.x, y: ZOOM_POINT.y, deltaX: 0, deltaY: WHEEL_DELTA, modifiers: viewer.zoomModifiers });
    dispatched++;
    const next = t0 + (wheelSteps + 1) * WHEEL_INTERVAL;
    await sleep(Math.max(0, next - performance.now()));
  }
  out.wheelSteps = wheelSteps;
  out.scaleAfterWheel = await page.evaluate(() => window.__harness.scale());
  await sleep(300);
  await page.evaluate(() => window.__harness.phase('pan'));
  for (const [from, to] of STROKES) {
    await input({ type: 'mouseMoved', x: from.x, y: from.y });
    await input({ type: 'mousePressed', x: from.x, y: from.y, button: 'left', buttons: 1, clickCount: 1 });
    dispatched += 2;
    // Moves at a steady 60 a second, as a mouse sends them, without waiting for the page to
    // handle each (Chromium queues and coalesces them when the page is busy, as with a real mouse).
    const s0 = performance.now();
    const moves = Math.round(STROKE_MS / MOVE_MS);
    const sent = [];
    for (let i = 1; i <= moves; i++) {
      const k = i / moves;
      sent.push(
        input({ type: 'mouseMoved', x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k, button: 'left', buttons: 1 }),
      );
      dispatched++;
      await sleep(Math.max(0, s0 + i * MOVE_MS - performance.now()));
    }
    sent.push(input({ type: 'mouseReleased', x: to.x, y: to.y, button: 'left', buttons: 0, clickCount: 1 }));
    await Promise.all(sent);
    dispatched++;
    await sleep(100);
  }
  await page.evaluate(() => window.__harness.phase('settle'));
  await sleep(SETTLE_MS);
  const frames = await page.evaluate(() => window.__harness.stop());
  const cpu1 = await cpuSnapshot(browserPid, browserCdp);
  const windowEnd = await page.evaluate(() => performance.now());
  let dropped = null;
  if (tracing) {
    try {
      const rendererPids = [...cpu1].filter(([, p]) => p.type === 'renderer').map(([pid]) => pid);
      dropped = droppedFrames(await browser.stopTracing(), rendererPids);
    } catch (error) {
      out.traceError = error.message;
    }
  }
  const cpu = cpuDelta(cpu0, cpu1);
  // What the reader sees at 4× (first measured round only): sharp text or an upscaled bitmap.
  if (screenshotDir) {
    const file = join(screenshotDir, `${viewer.id}-4x.png`);
    await page.screenshot({ path: file }).catch(() => {});
    out.screenshot = relative(ROOT, file);
  }
  const intervals = frames.intervals;
  const seconds = frames.duration / 1000;
  Object.assign(out, {
    finalScale: await page.evaluate(() => window.__harness.scale()),
    durationMs: frames.duration,
    frames: frames.frames,
    fps: frames.frames / seconds,
    intervalsOver33: intervals.filter((d) => d > FRAME_LIMIT_MS).length,
    intervalsOver50: intervals.filter((d) => d > 50).length,
    maxIntervalMs: intervals.length ? Math.max(...intervals) : null,
    intervals,
    parts: frames.parts,
    loafSupported: frames.loafSupported,
    loafCount: frames.loafCount,
    loafTotalMs: frames.loafTotal,
    loafBlockingMs: frames.loafBlocking,
    droppedFrames: dropped?.dropped ?? null,
    frameStates: dropped?.states ?? null,
    inputDispatched: dispatched,
    inputHandled: Object.values(frames.events).reduce((a, b) => a + b, 0),
    inputByType: frames.events,
    rendererCpuMs: cpu.byType.renderer ?? 0,
    cpuMs: cpu.total,
    cpuByType: cpu.byType,
  });
  const timing = await page.evaluate(timingEntries);
  out.bytes = accountBytes(requests, timing, windowStart, windowEnd);
  delete out.bytes.resources;
  return out;
}

export async function reloadCheck(page) {
  await sleep(PERSIST_WAIT_MS);
  const saved = await page.evaluate(() => window.__harness.view());
  if (!saved) return { restored: null, note: 'no view API (viewport.view/center, e-paper.view or e-paper-zoom)' };
  await page.reload({ waitUntil: 'commit' });
  const ok = await page
    .waitForFunction(() => performance.getEntriesByName('ready').length > 0 && window.__harness.readyView !== undefined, null, {
      timeout: 30000,
      polling: 50,
    })
    .then(() => true)
    .catch(() => false);
  if (!ok) return { restored: null, saved, note: 'no e-paper-ready after the reload' };
  const after = await page.evaluate(() => ({
    readyMs: performance.getEntriesByName('ready')[0].startTime,
    readyView: window.__harness.readyView,
    frames: window.__harness.viewFrames,
  }));
  const same = (v) =>
    !!v &&
    Math.abs(v.scale - saved.scale) <= 0.01 * saved.scale &&
    Math.hypot(v.center.x - saved.center.x, v.center.y - saved.center.y) <= 2;
  const firstFrame = after.frames[0]?.view ?? null;
  const restoredAtReady = same(after.readyView);
  const inFirstFrame = after.frames.length > 0 && after.frames.every((f) => same(f.view));
  return {
    restored: restoredAtReady,
    inFirstFrame,
    saved,
    readyView: after.readyView,
    firstFrameView: firstFrame,
    framesBeforeReady: after.frames.length,
    readyMs: after.readyMs,
  };
}
