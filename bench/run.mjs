// The benchmark: e-paper against OpenSeadragon and PDF.js on the same A1 page, in one run, in
// Chromium driven by playwright-core; and e-paper's first render of A1 against a 24-page edition
// (in page files, and for reference in one file) and A1 with a 365-day archive index (issue 11).
// See bench/README.md.
//
//   node bench/run.mjs [--runs N] [--short] [--osd-png] [--no-trace] [--out FILE]
//
//   --runs N        measured rounds (default 5), each loads every viewer once: A B C A B C …
//   --short         one round and no warm-up (CI)
//   --osd-png       also OpenSeadragon opening the one 3600 × 5148 PNG (a fourth column)
//   --no-trace      no tracing during the interaction (dropped frames then n/a)
//   --scale-runs N  loads of each scaling variant per round (default 2; 3 with --short)
//   --no-scale      without the scaling scenario
//   --scale-only    only the scaling scenario
//   --out FILE      where the raw figures go (default bench/results/<date>.json)
//   --build         build dist/ first (done anyway when dist/e-paper.js is missing or older than src/)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_FLAGS, findBrowser } from '../scripts/find-browser.js';
import { ROOT, startServer } from './server.mjs';
import { SCALE_URLS, makeInputs } from './make-inputs.mjs';
import { cpuDelta, cpuSnapshot, cpuSource } from './cpu.mjs';

const started = performance.now();
const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string' },
    short: { type: 'boolean', default: false },
    'osd-png': { type: 'boolean', default: false },
    'no-trace': { type: 'boolean', default: false },
    out: { type: 'string' },
    build: { type: 'boolean', default: false },
    'scale-runs': { type: 'string' },
    'no-scale': { type: 'boolean', default: false },
    'scale-only': { type: 'boolean', default: false },
  },
});
const SHORT = opts.short;
const RUNS = SHORT ? 1 : Math.max(1, Number(opts.runs ?? 5) || 5);
const WARMUP = SHORT ? 0 : 1;
const TRACE = !opts['no-trace'];
const SCALE = !opts['no-scale'];
const PEERS = !opts['scale-only'];
/** Loads of each scaling variant per round: they are short, and a 10% criterion needs more than 5. */
const SCALE_LOADS = Math.max(1, Number(opts['scale-runs'] ?? (SHORT ? 3 : 2)) || 2);
/** Issue 11: the first render no more than 10% slower than A1's. */
const SCALE_LIMIT = 1.1;

const VIEWPORT = { width: 1280, height: 900 };
/** Every viewer gets software compositing and CPU raster: no GPU, no WebGL, no SwiftShader. */
const FLAGS = [...CHROME_FLAGS, '--disable-webgl'];
const IGNORED_DEFAULTS = ['--enable-unsafe-swiftshader'];
const PAGE = { width: 2000, height: 2860 };
/** "4×": four times the scale at which the whole page fits the 900 px height, the same magnification on screen for all. */
const TARGET_SCALE = (4 * VIEWPORT.height) / PAGE.height;
const ZOOM_POINT = { x: 640, y: 480 };
const WHEEL_DELTA = -100;
const WHEEL_INTERVAL = 50;
const MAX_WHEEL_STEPS = 40;
/** Drag strokes (screen px), one second each at 60 moves a second: about 3 s of panning. */
const STROKES = [
  [
    { x: 900, y: 700 },
    { x: 400, y: 300 },
  ],
  [
    { x: 300, y: 650 },
    { x: 1000, y: 250 },
  ],
  [
    { x: 640, y: 250 },
    { x: 640, y: 750 },
  ],
];
const STROKE_MS = 1000;
const MOVE_MS = 1000 / 60;
const SETTLE_MS = 1000;
const CLICK_ARTICLE = 'a2';
const PERSIST_WAIT_MS = 800;
const FRAME_LIMIT_MS = 33;

const VIEWERS = [
  { id: 'e-paper', label: 'e-paper', path: '/bench/pages/e-paper.html', zoomModifiers: 2 /* Ctrl */, reload: true },
  { id: 'osd', label: 'OpenSeadragon', path: '/bench/pages/osd.html', zoomModifiers: 0 },
  { id: 'pdfjs', label: 'PDF.js', path: '/bench/pages/pdfjs.html', zoomModifiers: 0 },
];
if (opts['osd-png']) VIEWERS.push({ id: 'osd-png', label: 'OSD one PNG', path: '/bench/pages/osd.html?image=png', zoomModifiers: 0 });

/**
 * The scaling scenario (issue 11): e-paper's page with A1 (the baseline), with a 24-page edition
 * made from A1 as a publisher should serve it (page A1 in the edition, the other pages in page
 * files), the same 24 pages in one file (for reference: no target), and with A1 plus a 365-day
 * archive index. Only the load to `e-paper-ready` is measured. `edition` is what e-paper-ready
 * must name, so that a variant cannot pass by showing something else; `pageFiles` is where a
 * variant's page files are, to count those fetched before ready.
 */
const SCALE_VARIANTS = [
  { id: 'a1', label: 'A1, 1 page', short: 'A1', query: '', edition: (id) => id === edition.id },
  {
    id: 'pages24',
    label: '24 pages in page files',
    short: '24p files',
    query: `?src=${SCALE_URLS.edition24}`,
    edition: (id) => id === `${edition.id}-test-24p`,
    pageFiles: SCALE_URLS.edition24.replace(/\.json$/, '/'),
  },
  {
    id: 'pages24OneFile',
    label: '24 pages, one file',
    short: '24p 1 file',
    query: `?src=${SCALE_URLS.edition24OneFile}`,
    edition: (id) => id === `${edition.id}-test-24p`,
    target: false,
  },
  {
    id: 'archive365',
    label: 'A1 + 365-day archive',
    short: 'archive',
    query: `?archive=${SCALE_URLS.archive365}`,
    edition: (id) => id === edition.id,
    archive: SCALE_URLS.archive365,
  },
];

const STAMP = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*/, '') + (SHORT ? '-short' : '');
/** Screenshots of each viewer at 4×, after the first measured round's interaction. */
const SCREENSHOTS = join(ROOT, 'bench/results', `${STAMP}-4x`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves with null after `ms`, without keeping the process alive. */
const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms, null).unref());
const log = (...args) => console.error(...args);
const edition = JSON.parse(readFileSync(join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08.json'), 'utf8'));
const probeOf = (id) => {
  const article = edition.articles.find((a) => a.id === id);
  return (article.paragraphs?.[0] ?? article.headline).slice(0, 12);
};

// ---- CDP: workers (attached through the page's session, unflattened) -------------------------

/** Dedicated workers of the page (PDF.js's), reached through Target.sendMessageToTarget. */
function workerChannel(cdp) {
  const sessions = new Map();
  const pending = new Map();
  let nextId = 1;
  const send = (sessionId, method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer from the worker`));
      }, 10000);
      pending.set(id, { resolve, reject, timer });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error) => {
        clearTimeout(timer);
        pending.delete(id);
        reject(error);
      });
    });
  cdp.on('Target.attachedToTarget', (event) => {
    sessions.set(event.sessionId, event.targetInfo);
    if (event.waitingForDebugger) send(event.sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => {});
  });
  cdp.on('Target.detachedFromTarget', (event) => sessions.delete(event.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    let message;
    try {
      message = JSON.parse(event.message);
    } catch {
      return;
    }
    const waiter = message.id !== undefined && pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    clearTimeout(waiter.timer);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return { sessions, send };
}

// ---- CDP: network -----------------------------------------------------------------------------

/** Every request of the page as the network stack saw it: type, bytes on the wire, bytes decoded. */
function networkLog(cdp) {
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!requests.has(e.requestId))
      requests.set(e.requestId, { url: e.request.url, type: e.type, encoded: 0, decoded: 0, finished: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId) ?? { url: e.response.url, encoded: 0, decoded: 0, finished: false };
    r.type = e.type ?? r.type;
    r.status = e.response.status;
    requests.set(e.requestId, r);
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.encoded = e.encodedDataLength;
    r.finished = true;
  });
  return requests;
}

/**
 * The resources of a time window of the page (from Resource Timing, which also lists the workers'
 * own scripts) with their sizes from CDP's Network domain where it saw them; a worker's script,
 * fetched for the worker and reported to its own target, takes Resource Timing's sizes.
 */
function accountBytes(requests, timing, from, to) {
  const pool = new Map();
  for (const r of requests.values()) {
    if (!r.finished) continue;
    if (!pool.has(r.url)) pool.set(r.url, []);
    pool.get(r.url).push(r);
  }
  const out = [];
  for (const entry of timing) {
    if (entry.end > to || entry.start < from) continue;
    const match = pool.get(entry.name)?.shift();
    const worker = entry.initiatorType === 'other' && /\.m?js(\?|$)/.test(entry.name);
    out.push(
      match
        ? {
            url: entry.name,
            type: match.type ?? 'Other',
            encoded: match.encoded,
            decoded: match.decoded,
            start: entry.start,
            end: entry.end,
            source: 'cdp',
          }
        : {
            url: entry.name,
            start: entry.start,
            end: entry.end,
            type:
              entry.initiatorType === 'navigation'
                ? 'Document'
                : entry.initiatorType === 'script' || worker
                  ? 'Script'
                  : entry.initiatorType,
            encoded: entry.transferSize,
            decoded: entry.decodedBodySize,
            source: 'resource-timing',
          },
    );
  }
  const sum = (list, key) => list.reduce((total, r) => total + (r[key] ?? 0), 0);
  const scripts = out.filter((r) => r.type === 'Script');
  return {
    resources: out,
    jsEncoded: sum(scripts, 'encoded'),
    jsDecoded: sum(scripts, 'decoded'),
    allEncoded: sum(out, 'encoded'),
    allDecoded: sum(out, 'decoded'),
    count: out.length,
  };
}

const timingEntries = () =>
  [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
    name: e.name,
    initiatorType: e.entryType === 'navigation' ? 'navigation' : e.initiatorType,
    start: e.startTime,
    end: e.responseEnd,
    transferSize: e.transferSize,
    decodedBodySize: e.decodedBodySize,
  }));

/** In the page: resolves once 12 animation frames in a row came on time (≤ 20 ms apart), or after 5 s. */
const quiet = () =>
  new Promise((resolve) => {
    const t0 = performance.now();
    let last = null;
    let run = 0;
    const frame = (t) => {
      run = last !== null && t - last <= 20 ? run + 1 : 0;
      last = t;
      if (run >= 12 || t - t0 > 5000) resolve(Math.round(performance.now() - t0));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

/** Renders CJK text in the system's serif, sans-serif and UI faces once, so that no viewer pays for their first use. */
async function warmFonts(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.setContent(
      `<p style="font:18px serif">新华社北京1月7日电 中共中央政治局</p><p style="font:900 28px sans-serif">全力支持民营经济做大做强</p>` +
        `<p style="font:14px system-ui">标题导航 清除阅读记录 缩小字号</p><p style="font:18px 'Noto Serif CJK SC'">株洲日报</p><p style="font:18px 'Noto Sans CJK SC'">株洲日报</p>`,
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  } finally {
    await context.close();
  }
}

// ---- tracing: dropped frames ------------------------------------------------------------------

/**
 * Compositor frames of the page's renderer by fate, from the PipelineReporter trace events (one
 * per frame; forked reporters, which describe the same frame again, left out): dropped is
 * STATE_DROPPED, what DevTools shows as dropped frames.
 */
function droppedFrames(buffer, rendererPids) {
  const trace = JSON.parse(buffer.toString('utf8'));
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const renderers = new Set(events.filter((e) => e.name === 'process_name' && e.args?.name === 'Renderer').map((e) => e.pid));
  for (const pid of rendererPids) renderers.add(pid);
  const states = {};
  for (const e of events) {
    if (!renderers.has(e.pid) || e.name !== 'PipelineReporter' || e.ph !== 'b' || e.args?.frame_reporter?.frame_type) continue;
    const state = e.args?.frame_reporter?.state ?? 'unknown';
    states[state] = (states[state] ?? 0) + 1;
  }
  return { dropped: states.STATE_DROPPED ?? 0, states };
}

// ---- one load of one viewer ---------------------------------------------------------------------

async function measure(browser, browserCdp, origin, viewer, round) {
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

    // What a viewer still does after its ready mark (more tiles, the text layer) is not timed
    // below: wait until the main thread is quiet (12 frames in a row on time, at most 5 s).
    result.quietAfterReadyMs = await page.evaluate(quiet);
    phase('quiet');

    // Click on an article → its text shown.
    result.click = await clickArticle(page, input);
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

    // Interaction: wheel zoom to 4× at a point, then drag-pans, with real input.
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
function visitBytes(bytes, ready) {
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

// ---- the scaling scenario (issue 11): one load to e-paper-ready ------------------------------------

const waitFor = async (condition, ms) => {
  const until = performance.now() + ms;
  while (!condition() && performance.now() < until) await sleep(50);
  return condition();
};

/** A fresh context and page with the harness in it; the page's errors go to `result.errors`. */
async function benchPage(browser, result) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    await context.addInitScript({ path: join(ROOT, 'bench/harness.js') });
    const page = await context.newPage();
    page.on('pageerror', (error) => result.errors.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => msg.type() === 'error' && result.errors.push(`console: ${msg.text()}`));
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

async function measureLoad(browser, browserCdp, origin, variant, round, pass) {
  const browserPid = browser.process?.()?.pid;
  const result = { scenario: 'scale', variant: variant.id, round, pass, warmup: round < 0, errors: [] };
  const { context, page } = await benchPage(browser, result);
  try {
    let onReady;
    const readyCpu = new Promise((resolve) => (onReady = resolve));
    await page.exposeBinding('__benchSignal', async (_source, name) => {
      if (name === 'ready') onReady(await cpuSnapshot(browserPid, browserCdp));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const requests = networkLog(cdp);
    const cpuStart = await cpuSnapshot(browserPid, browserCdp);
    await page.goto(`${origin}/bench/pages/e-paper.html${variant.query}`, { waitUntil: 'commit' });
    const cpuReady = await Promise.race([readyCpu, timeout(30000)]);
    if (!cpuReady) throw new Error('no ready mark within 30 s');
    const atReady = await page.evaluate(() => ({
      ready: performance.getEntriesByName('ready')[0].startTime,
      detail: window.__harness.readyDetail ?? null,
    }));
    result.readyMs = atReady.ready;
    result.readyDetail = atReady.detail;
    result.cpuToReadyMs = cpuDelta(cpuStart, cpuReady).total;
    if (!variant.edition(atReady.detail?.editionId) || atReady.detail?.page !== 'A1') {
      throw new Error(`e-paper-ready named ${JSON.stringify(atReady.detail)}, not page A1 of the ${variant.label} edition`);
    }
    // The largest contentful paint is final at the first input: none comes, so read it once the
    // page has gone quiet. An archive index fetched late (at an idle moment) still counts as fetched.
    result.quietAfterReadyMs = await page.evaluate(quiet);
    const archiveUrl = variant.archive && new URL(variant.archive, origin).href;
    if (archiveUrl) await waitFor(() => [...requests.values()].some((r) => r.url === archiveUrl), 1500);
    result.paints = await page.evaluate(() => window.__harness.paints());
    await sleep(50);
    const timing = await page.evaluate(timingEntries);
    result.load = accountBytes(requests, timing, 0, atReady.ready);
    result.toEnd = visitBytes(accountBytes(requests, timing, 0, Infinity), atReady.ready);
    if (variant.pageFiles) {
      const prefix = new URL(variant.pageFiles, origin).href;
      const fetched = timing.filter((e) => e.name.startsWith(prefix));
      result.pageFiles = { beforeReady: fetched.filter((e) => e.end <= atReady.ready).length, byEnd: fetched.length };
    }
    if (archiveUrl) {
      const entry = timing.find((e) => e.name === archiveUrl);
      const seen = [...requests.values()].find((r) => r.url === archiveUrl);
      result.archiveIndex =
        entry || seen
          ? {
              fetched: true,
              beforeReady: entry ? entry.end <= atReady.ready : null,
              startMs: entry && Math.round(entry.start),
              endMs: entry && Math.round(entry.end),
              encoded: entry?.transferSize ?? seen.encoded,
            }
          : { fetched: false };
    }
  } catch (error) {
    result.errors.push(`failed: ${error.message}`);
  } finally {
    await context.close().catch(() => {});
  }
  return result;
}

/** One round of the scaling scenario: `passes` passes over the variants, the order rotated from pass to pass. */
async function scaleRound(browser, browserCdp, origin, round, passes, firstPass, results) {
  for (let pass = 0; pass < passes; pass++) {
    const k = (firstPass + pass) % SCALE_VARIANTS.length;
    for (const variant of [...SCALE_VARIANTS.slice(k), ...SCALE_VARIANTS.slice(0, k)]) {
      const t = performance.now();
      const r = await measureLoad(browser, browserCdp, origin, variant, round, firstPass + pass);
      results.push(r);
      const archive = r.archiveIndex
        ? `, archive index ${r.archiveIndex.fetched ? `fetched${r.archiveIndex.beforeReady ? ' before ready' : r.archiveIndex.beforeReady === false ? ' after ready' : ''}` : 'not fetched'}`
        : '';
      const pageFiles = r.pageFiles ? `, page files ${r.pageFiles.beforeReady} before ready, ${r.pageFiles.byEnd} by the end` : '';
      log(
        `  ${round < 0 ? 'warm-up' : `run ${round + 1}`} scale ${variant.short.padEnd(10)} ready ${fmt(r.readyMs, 0)} ms, FCP ${fmt(r.paints?.firstContentfulPaint, 0)} ms, LCP ${fmt(r.paints?.lcp, 0)} ms, ` +
          `all ${fmt(r.load?.allEncoded / 1024, 1)} KB${archive}${pageFiles} (${((performance.now() - t) / 1000).toFixed(1)} s)${r.errors.length ? `\n    ${r.errors.slice(0, 3).join('\n    ')}` : ''}`,
      );
    }
  }
}

async function clickArticle(page, input) {
  const probe = probeOf(CLICK_ARTICLE);
  const point = await page.evaluate((id) => window.__harness.articlePoint(id), CLICK_ARTICLE);
  if (!point) return { ms: null, note: 'no article region to click' };
  await page.evaluate((p) => window.__harness.armClick(p), probe);
  await input({ type: 'mouseMoved', x: point.x, y: point.y });
  await sleep(150);
  await input({ type: 'mousePressed', x: point.x, y: point.y, button: 'left', buttons: 1, clickCount: 1 });
  await input({ type: 'mouseReleased', x: point.x, y: point.y, button: 'left', buttons: 0, clickCount: 1 });
  const shown = await page
    .waitForFunction(() => window.__harness.click?.shown != null, null, { timeout: 3000, polling: 50 })
    .then(() => true)
    .catch(() => false);
  // Long-animation-frame entries arrive after their frame: give them time before reading them.
  await sleep(250);
  const click = await page.evaluate(() => {
    const c = { ...window.__harness.click };
    // Long animation frames from the click to the text (and a little after), with their scripts.
    c.loaf =
      c.start === null ? [] : window.__harness.loaf.filter((e) => e.start + e.duration >= c.start && e.start <= (c.shown ?? c.start) + 100);
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
    point,
    note: shown ? undefined : click.start === null ? 'the click did not reach the page' : 'the article text did not show within 3 s',
    closedWithEsc: !stillShown,
    articleOpenEvent,
  };
}

async function interact(page, input, viewer, browser, browserCdp, browserPid, requests, screenshotDir) {
  const out = {};
  const startScale = await page.evaluate(() => window.__harness.scale());
  out.startScale = startScale;
  await input({ type: 'mouseMoved', x: ZOOM_POINT.x, y: ZOOM_POINT.y });
  await sleep(100);
  let tracing = false;
  if (TRACE) {
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

async function reloadCheck(page) {
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

// ---- statistics and the table ---------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const METRICS = [
  { key: 'readyMs', label: 'navigation → ready (ms)', get: (r) => r.readyMs, digits: 0 },
  { key: 'jsKB', label: 'JS transferred (KB)', get: (r) => r.load?.jsEncoded / 1024, digits: 1 },
  { key: 'jsDecodedKB', label: 'JS decoded (KB)', get: (r) => r.load?.jsDecoded / 1024, digits: 1 },
  { key: 'jsEndKB', label: 'JS transferred by the end of the visit (KB)', get: (r) => r.toEnd?.jsEncoded / 1024, digits: 1 },
  { key: 'allKB', label: 'all transferred to ready (KB)', get: (r) => r.load?.allEncoded / 1024, digits: 1 },
  { key: 'heapMB', label: 'JS heap after GC (MB)', get: (r) => r.heapMB, digits: 2 },
  { key: 'cpuReady', label: 'CPU to ready, all processes (ms)', get: (r) => r.cpuToReadyMs, digits: 0 },
  { key: 'fps', label: 'interaction: frames per second', get: (r) => r.interaction?.fps, digits: 1 },
  { key: 'over33', label: 'interaction: frame intervals > 33 ms', get: (r) => r.interaction?.intervalsOver33, digits: 0 },
  { key: 'maxInterval', label: 'interaction: longest frame interval (ms)', get: (r) => r.interaction?.maxIntervalMs, digits: 0 },
  {
    key: 'loaf',
    label: 'interaction: long animation frames (ms)',
    get: (r) => (r.interaction?.loafSupported ? r.interaction.loafTotalMs : null),
    digits: 0,
  },
  { key: 'dropped', label: 'interaction: compositor frames dropped', get: (r) => r.interaction?.droppedFrames, digits: 0 },
  { key: 'inputs', label: 'interaction: input events handled', get: (r) => r.interaction?.inputHandled, digits: 0 },
  { key: 'rendererCpu', label: 'interaction: renderer CPU (ms)', get: (r) => r.interaction?.rendererCpuMs, digits: 0 },
  { key: 'interactionKB', label: 'interaction: bytes fetched (KB)', get: (r) => r.interaction?.bytes?.allEncoded / 1024, digits: 1 },
  { key: 'clickMs', label: 'click → article text (ms)', get: (r) => r.click?.ms, digits: 1 },
  {
    key: 'restored',
    label: 'reload → position restored',
    get: (r) => (r.reload ? (r.reload.restored === null ? null : r.reload.inFirstFrame ? 2 : r.reload.restored ? 1 : 0) : undefined),
    kind: 'restore',
  },
];

function stats(runs, get) {
  const values = runs.map(get).filter((v) => typeof v === 'number' && Number.isFinite(v));
  const applies = runs.some((r) => get(r) !== undefined);
  return values.length
    ? { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length, of: runs.length }
    : { median: null, n: 0, of: runs.length, applies };
}

function summarise(results) {
  const summary = {};
  for (const viewer of VIEWERS) {
    const runs = results.filter((r) => r.viewer === viewer.id && !r.warmup);
    summary[viewer.id] = {};
    for (const m of METRICS) summary[viewer.id][m.key] = stats(runs, m.get);
  }
  return summary;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const fmt = (v, digits) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits));

function cell(stat, m) {
  if (m.kind === 'restore') {
    if (stat.median === null) return stat.applies === false ? '–' : 'n/a';
    const word = (v) => (v === 2 ? 'yes, 1st frame' : v === 1 ? 'at ready only' : 'no');
    return stat.min === stat.max ? `${word(stat.min)} (${stat.n}/${stat.of})` : `${word(stat.min)}…${word(stat.max)}`;
  }
  if (stat.median === null) return 'n/a';
  const partial = stat.n < stat.of ? ` [${stat.n}/${stat.of}]` : '';
  if (stat.n === 1) return `${fmt(stat.median, m.digits)}${partial}`;
  return `${fmt(stat.median, m.digits)} (${fmt(stat.min, m.digits)}–${fmt(stat.max, m.digits)})${partial}`;
}

function ratio(a, b) {
  if (a?.median === null || b?.median === null || a === undefined || b === undefined) return 'n/a';
  if (b.median === 0) return a.median === 0 ? '=' : '∞';
  return `${(a.median / b.median).toFixed(2)}×`;
}

function table(summary) {
  const peers = VIEWERS.filter((v) => v.id !== 'e-paper');
  const header = ['metric (median, min–max)', ...VIEWERS.map((v) => v.label), ...peers.map((p) => `e-paper/${p.label}`)];
  const rows = METRICS.map((m) => [
    m.label,
    ...VIEWERS.map((v) => cell(summary[v.id][m.key], m)),
    ...peers.map((p) => (m.kind === 'restore' ? '' : ratio(summary['e-paper'][m.key], summary[p.id][m.key]))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** The issue's targets, against OpenSeadragon (`peer`: its DZI set-up, or the one PNG) in the same run. */
function targets(summary, peer = 'osd') {
  const e = summary['e-paper'];
  const o = summary[peer];
  const out = [];
  const check = (name, ok, detail) => out.push({ name, met: ok, detail });
  const r = (k) => (e[k].median !== null && o[k].median ? e[k].median / o[k].median : null);
  const jsR = r('jsKB');
  check(
    'JS transferred ≤ 0.25× OpenSeadragon',
    jsR === null ? null : jsR <= 0.25,
    jsR === null
      ? 'n/a'
      : `${jsR.toFixed(2)}× (${fmt(e.jsKB.median, 1)} KB vs ${fmt(o.jsKB.median, 1)} KB; target ≤ ${fmt(o.jsKB.median * 0.25, 1)} KB)`,
  );
  const allR = r('allKB');
  check(
    'all bytes ≤ 0.15× OpenSeadragon',
    allR === null ? null : allR <= 0.15,
    allR === null
      ? 'n/a'
      : `${allR.toFixed(2)}× (${fmt(e.allKB.median, 1)} KB vs ${fmt(o.allKB.median, 1)} KB; target ≤ ${fmt(o.allKB.median * 0.15, 1)} KB)`,
  );
  const readyR = r('readyMs');
  check(
    'first full render ≤ 0.5× OpenSeadragon',
    readyR === null ? null : readyR <= 0.5,
    readyR === null
      ? 'n/a'
      : `${readyR.toFixed(2)}× (${fmt(e.readyMs.median, 0)} ms vs ${fmt(o.readyMs.median, 0)} ms; target ≤ ${fmt(o.readyMs.median * 0.5, 0)} ms)`,
  );
  const over = e.over33;
  check(
    'no frame interval > 33 ms',
    over.median === null ? null : over.max === 0,
    over.median === null
      ? 'n/a'
      : `${fmt(over.median, 0)} (max ${fmt(over.max, 0)}) over ${over.n} runs; OpenSeadragon ${fmt(o.over33.median, 0)}`,
  );
  const loafOk = e.loaf.median !== null && o.loaf.median !== null;
  check(
    'long-animation-frame total ≤ OpenSeadragon + 100 ms',
    loafOk ? e.loaf.median <= o.loaf.median + 100 : null,
    loafOk ? `${fmt(e.loaf.median, 0)} ms vs ${fmt(o.loaf.median, 0)} ms (target ≤ ${fmt(o.loaf.median + 100, 0)} ms)` : 'n/a',
  );
  check(
    'click → article text ≤ 25 ms',
    e.clickMs.median === null ? null : e.clickMs.median <= 25,
    e.clickMs.median === null ? 'n/a (no reader opened)' : `${fmt(e.clickMs.median, 1)} ms (OpenSeadragon ${fmt(o.clickMs.median, 1)} ms)`,
  );
  const rs = e.restored;
  check(
    'reload → position restored in the first frame',
    rs.median === null ? null : rs.min === 2,
    rs.median === null
      ? 'n/a (no view API)'
      : cell(
          rs,
          METRICS.find((m) => m.key === 'restored'),
        ),
  );
  return out;
}

// ---- the scaling scenario's figures ----------------------------------------------------------------

const SCALE_METRICS = [
  { key: 'readyMs', label: 'navigation → ready (ms)', get: (r) => r.readyMs, digits: 0 },
  { key: 'fcpMs', label: 'first contentful paint (ms)', get: (r) => r.paints?.firstContentfulPaint, digits: 0 },
  { key: 'lcpMs', label: 'largest contentful paint (ms)', get: (r) => r.paints?.lcp, digits: 0 },
  { key: 'cpuReady', label: 'CPU to ready, all processes (ms)', get: (r) => r.cpuToReadyMs, digits: 0 },
  { key: 'jsKB', label: 'JS transferred to ready (KB)', get: (r) => r.load?.jsEncoded / 1024, digits: 1 },
  { key: 'allKB', label: 'all transferred to ready (KB)', get: (r) => r.load?.allEncoded / 1024, digits: 1 },
  { key: 'quietMs', label: 'after ready: until 12 frames on time (ms)', get: (r) => r.quietAfterReadyMs, digits: 0 },
];

/**
 * Medians and ranges per variant, and each variant against A1: the ratio of the medians (the
 * criterion) and, for reference, the ratios within each pass (loads next to each other in time).
 */
function summariseScale(results) {
  const measured = results.filter((r) => !r.warmup);
  const summary = {};
  for (const variant of SCALE_VARIANTS) {
    const runs = measured.filter((r) => r.variant === variant.id);
    summary[variant.id] = Object.fromEntries(SCALE_METRICS.map((m) => [m.key, stats(runs, m.get)]));
  }
  const ratios = {};
  for (const variant of SCALE_VARIANTS.slice(1)) {
    ratios[variant.id] = {};
    for (const m of SCALE_METRICS) {
      const a = summary.a1[m.key];
      const b = summary[variant.id][m.key];
      const paired = [];
      for (const r of measured.filter((x) => x.variant === variant.id)) {
        const base = measured.find((x) => x.variant === 'a1' && x.round === r.round && x.pass === r.pass);
        const va = base && m.get(base);
        const vb = m.get(r);
        if (Number.isFinite(va) && Number.isFinite(vb) && va > 0) paired.push(vb / va);
      }
      ratios[variant.id][m.key] = {
        ofMedians: a.median && b.median !== null ? b.median / a.median : null,
        paired: paired.length ? { median: median(paired), min: Math.min(...paired), max: Math.max(...paired), n: paired.length } : null,
      };
    }
  }
  const archiveRuns = measured.filter((r) => r.archiveIndex);
  const archiveIndex = {
    fetched: archiveRuns.filter((r) => r.archiveIndex.fetched).length,
    beforeReady: archiveRuns.filter((r) => r.archiveIndex.beforeReady).length,
    of: archiveRuns.length,
  };
  const splitRuns = measured.filter((r) => r.pageFiles);
  const pageFiles = {
    loadsFetchingBeforeReady: splitRuns.filter((r) => r.pageFiles.beforeReady > 0).length,
    loadsFetchingByEnd: splitRuns.filter((r) => r.pageFiles.byEnd > 0).length,
    of: splitRuns.length,
  };
  return { summary, ratios, archiveIndex, pageFiles };
}

function scaleTable({ summary, ratios }) {
  const others = SCALE_VARIANTS.slice(1);
  const header = ['metric (median, min–max)', ...SCALE_VARIANTS.map((v) => v.label), ...others.map((v) => `${v.short}/A1`)];
  const rows = SCALE_METRICS.map((m) => [
    m.label,
    ...SCALE_VARIANTS.map((v) => cell(summary[v.id][m.key], m)),
    ...others.map((v) => {
      const r = ratios[v.id][m.key].ofMedians;
      return r === null ? 'n/a' : `${r.toFixed(2)}×`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/**
 * Issue 11: the first render (navigation → e-paper-ready) of the 24-page edition in page files
 * and of A1 with the archive index at most 1.10× A1's, on medians (the one-file edition is only
 * for reference). The archive check only counts when the index was fetched: a build that ignores
 * `archive` loads A1 alone, which says nothing of the index.
 */
function scaleTargets({ summary, ratios, archiveIndex, pageFiles }) {
  const out = [];
  for (const variant of SCALE_VARIANTS.slice(1).filter((v) => v.target !== false)) {
    const r = ratios[variant.id].readyMs;
    const a = summary.a1.readyMs;
    const b = summary[variant.id].readyMs;
    const paired = r.paired
      ? `; within each pass ${r.paired.median.toFixed(2)}× (${r.paired.min.toFixed(2)}–${r.paired.max.toFixed(2)}×, ${plural(r.paired.n, 'pair')})`
      : '';
    let detail =
      r.ofMedians === null
        ? 'n/a'
        : `${r.ofMedians.toFixed(2)}× (${fmt(b.median, 0)} ms vs ${fmt(a.median, 0)} ms over ${b.n} and ${plural(a.n, 'load')}; limit ${fmt(a.median * SCALE_LIMIT, 0)} ms${paired})`;
    let met = r.ofMedians === null ? null : r.ofMedians <= SCALE_LIMIT;
    if (variant.archive) {
      if (!archiveIndex.fetched) {
        met = null;
        detail += `; the index was never fetched (${plural(archiveIndex.of, 'load')}): this build ignores \`archive\`, so this was A1 alone`;
      } else {
        detail += `; index fetched in ${archiveIndex.fetched}/${plural(archiveIndex.of, 'load')}, before ready in ${archiveIndex.beforeReady}`;
      }
    }
    if (variant.pageFiles)
      detail += `; page files fetched before ready in ${pageFiles.loadsFetchingBeforeReady}/${plural(pageFiles.of, 'load')}`;
    out.push({
      variant: variant.id,
      name: `${variant.label}: first render ≤ ${SCALE_LIMIT.toFixed(2)}× A1's`,
      met,
      ratio: r.ofMedians,
      detail,
    });
  }
  return out;
}

// ---- main ---------------------------------------------------------------------------------------

// The production build of the current source: built when dist/e-paper.js is missing or older
// than anything under src/ (or with --build).
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}
const bundle = join(ROOT, 'dist/e-paper.js');
const stale =
  !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newestUnder(join(ROOT, 'src')), statSync(join(ROOT, 'package.json')).mtimeMs);
if (opts.build || stale) {
  // Only the bundles (scripts/build.mjs): what is measured. The type check and the size budget of
  // `npm run build` are checked elsewhere, and a bundle over budget is still worth measuring.
  log(`bench: ${opts.build ? '' : 'dist/e-paper.js is missing or older than src/: '}node scripts/build.mjs …`);
  try {
    // The build's output goes to stderr: stdout is the table's.
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  } catch {
    log('bench: the build failed, so there is nothing current to measure (see above).');
    process.exit(1);
  }
}

// Other work on the machine (builds, tests) skews every figure: say so when there is some.
const loadBefore = loadavg();
if (loadBefore[0] > cpus().length * 0.5) {
  log(
    `bench: the machine is busy (load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores): figures will be noisier and slower than on a quiet machine`,
  );
}
const server = await startServer();
const executablePath = await findBrowser();
const browser = await chromium.launch({ executablePath, args: FLAGS, ignoreDefaultArgs: IGNORED_DEFAULTS });
const browserVersion = browser.version();
const results = [];
const scaleResults = [];
let inputs;
try {
  const browserCdp = await browser.newBrowserCDPSession();
  inputs = await makeInputs({ browser, origin: server.origin, log });
  if (PEERS) mkdirSync(SCREENSHOTS, { recursive: true });
  await warmFonts(browser);
  const rounds = [...Array(WARMUP).fill(-1), ...Array.from({ length: RUNS }, (_, i) => i)];
  log(
    `bench: Chromium ${browserVersion}, ${RUNS} run${RUNS > 1 ? 's' : ''}${WARMUP ? ' after a warm-up' : ''}, ` +
      `${PEERS ? `viewers ${VIEWERS.map((v) => v.label).join(', ')}` : 'no viewer comparison'}` +
      `${SCALE ? `; scaling scenario: ${SCALE_LOADS} load${SCALE_LOADS > 1 ? 's' : ''} of each variant a run` : ''}`,
  );
  // The scaling scenario gets a warm-up pass even in short mode: it is short.
  let scalePass = 0;
  if (SCALE && !WARMUP) await scaleRound(browser, browserCdp, server.origin, -1, 1, scalePass++, scaleResults);
  for (const round of rounds) {
    if (SCALE) {
      const passes = round < 0 ? 1 : SCALE_LOADS;
      await scaleRound(browser, browserCdp, server.origin, round, passes, scalePass, scaleResults);
      scalePass += passes;
    }
    if (!PEERS) continue;
    for (const viewer of VIEWERS) {
      const t = performance.now();
      const result = await measure(browser, browserCdp, server.origin, viewer, round);
      results.push(result);
      const i = result.interaction;
      log(
        `  ${round < 0 ? 'warm-up' : `run ${round + 1}`} ${viewer.label.padEnd(13)} ready ${fmt(result.readyMs, 0)} ms, JS ${fmt(result.load?.jsEncoded / 1024, 1)} KB, all ${fmt(result.load?.allEncoded / 1024, 1)} KB, ` +
          `fps ${fmt(i?.fps, 1)}, >33 ms ${i?.intervalsOver33 ?? 'n/a'}, LoAF ${fmt(i?.loafTotalMs, 0)} ms, click ${fmt(result.click?.ms, 1)} ms` +
          `${result.reload ? `, restored ${result.reload.restored === null ? 'n/a' : result.reload.inFirstFrame ? 'first frame' : result.reload.restored ? 'at ready' : 'no'}` : ''}` +
          ` (${((performance.now() - t) / 1000).toFixed(1)} s)${result.errors.length ? `\n    ${result.errors.slice(0, 3).join('\n    ')}` : ''}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const summary = PEERS ? summarise(results) : undefined;
const goals = PEERS ? targets(summary) : undefined;
const goalsPng = summary?.['osd-png'] ? targets(summary, 'osd-png') : undefined;
const scale = SCALE ? summariseScale(scaleResults) : undefined;
const scaleGoals = scale && scaleTargets(scale);
const seconds = (performance.now() - started) / 1000;
const date = new Date();
const outFile = opts.out ?? join(ROOT, 'bench/results', `${STAMP}.json`);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  JSON.stringify(
    {
      date: date.toISOString(),
      command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
      seconds,
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model,
        memoryGB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: process.platform,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadavg(),
      },
      browser: { version: browserVersion, executablePath, flags: FLAGS, ignoredDefaults: IGNORED_DEFAULTS, viewport: VIEWPORT },
      method: {
        runs: RUNS,
        warmup: WARMUP,
        order: 'interleaved, one fresh browser context per load',
        compression:
          'gzip level 6 for text types (HTML, JS, CSS, JSON, SVG, XML), none for PNG/JPEG/WOFF2/PDF/WASM, the same for all viewers',
        targetScale: TARGET_SCALE,
        zoomPoint: ZOOM_POINT,
        wheel: { deltaY: WHEEL_DELTA, intervalMs: WHEEL_INTERVAL },
        strokes: STROKES,
        strokeMs: STROKE_MS,
        settleMs: SETTLE_MS,
        clickArticle: CLICK_ARTICLE,
        cpu: cpuSource,
        frameLimitMs: FRAME_LIMIT_MS,
      },
      inputs,
      summary,
      targets: goals,
      targetsAgainstOsdPng: goalsPng,
      results,
      scale: scale && {
        what: 'e-paper navigation → e-paper-ready (first render of page A1) for A1, a 24-page edition made from A1 in page files (the target) and in one file (for reference), and A1 with a 365-day archive index (issue 11)',
        limit: SCALE_LIMIT,
        variants: SCALE_VARIANTS.map(({ id, label, query, archive, pageFiles, target }, i) => ({
          id,
          label,
          url: `/bench/pages/e-paper.html${query}`,
          archive,
          pageFiles,
          target: i > 0 && target !== false,
        })),
        loadsPerRound: SCALE_LOADS,
        order:
          'a pass loads each variant once in a fresh context, the order rotated from pass to pass; passes interleaved with the viewers’ rounds; one warm-up pass',
        inputs: inputs?.scale,
        archiveIndex: scale.archiveIndex,
        archiveIndexFetched: scale.archiveIndex.fetched > 0,
        pageFiles: scale.pageFiles,
        summary: scale.summary,
        ratios: scale.ratios,
        targets: scaleGoals,
        results: scaleResults,
      },
    },
    null,
    1,
  ),
);

const today = date.toISOString().slice(0, 10);
const load = (l) => l.map((x) => x.toFixed(1)).join('/');
console.log(
  `\ne-paper bench, ${today}: ${RUNS} run${RUNS > 1 ? 's' : ''}${WARMUP ? ' after a warm-up' : ', no warm-up'}, interleaved, ${VIEWPORT.width}×${VIEWPORT.height}, ` +
    `${cpus().length} cores (load ${load(loadBefore)} before, ${load(loadavg())} after), Chromium ${browserVersion}, --disable-gpu --disable-webgl, no SwiftShader\n`,
);
const printGoals = (title, list) => {
  console.log(`\n${title}`);
  for (const g of list) console.log(`  ${g.met === null ? 'n/a ' : g.met ? 'met ' : 'MISS'}  ${g.name}: ${g.detail}`);
};
if (PEERS) {
  console.log(table(summary));
  printGoals('Targets (e-paper against OpenSeadragon with DZI tiles, medians of this run):', goals);
  if (goalsPng)
    printGoals(
      'The same against OpenSeadragon on the one PNG (for reference):',
      goalsPng.map((g) => ({ ...g, name: g.name.replace('OpenSeadragon', 'OSD one PNG') })),
    );
}
if (scale) {
  const n = scale.summary.a1.readyMs.of;
  console.log(
    `\n${PEERS ? '\n' : ''}e-paper with more to load (issue 11): ${n} load${n === 1 ? '' : 's'} of each, after a warm-up pass, fresh context each, order rotated\n`,
  );
  console.log(scaleTable(scale));
  const label = (id) => SCALE_VARIANTS.find((v) => v.id === id).label;
  console.log(`\n"${label('pages24OneFile')}" is for reference, with no target: the 24-page target is for "${label('pages24')}".`);
  printGoals(`Target (issue 11, medians of this run; PASS at ≤ ${SCALE_LIMIT.toFixed(2)}×):`, scaleGoals);
}
console.log(`\nraw figures: ${relative(ROOT, outFile)} · ${seconds.toFixed(0)} s in all`);

// A load that failed outright (no ready mark, a crash) fails the run, so that CI notices a bench
// that rotted; a missed target or an n/a does not.
const failed = [...results, ...scaleResults].filter((r) => r.errors.some((e) => e.startsWith('failed:')));
if (failed.length) {
  for (const r of failed)
    log(`bench: ${r.viewer ?? `scale ${r.variant}`} ${r.warmup ? 'warm-up' : `run ${r.round + 1}`}: ${r.errors.join('; ')}`);
  process.exitCode = 1;
}
