// Where the time from navigation to `e-paper-ready` goes: one load of a build with the DevTools
// timeline traced from navigation to the ready mark, printed as a waterfall (each request's start,
// response and end, what the main thread did between, and the idle gaps in it). Tracing slows the
// page, so its times are for finding what waits on what, never for comparing builds (compare.mjs
// --ready-only does that, untraced and interleaved).
//
//   node bench/load-trace.mjs [--build LABEL=dist-folder] [--query '?src=…'] [--loads 3] [--json FILE]
//
// Without --build the worktree's dist/. --query is passed to the bench's e-paper page (the scale
// scenario's editions: `?src=/bench/.cache/scale/edition-24p.json`). With --loads N the first N-1
// loads warm the browser up and only the last is traced. --cpu-profile: that load is sampled by
// V8's profiler instead (every 100 µs), and the functions that took the most time are listed.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findBrowser } from '../scripts/find-browser.js';
import { startServer } from './server.mjs';

const { values } = parseArgs({
  options: {
    build: { type: 'string' },
    query: { type: 'string', default: '' },
    loads: { type: 'string', default: '2' },
    json: { type: 'string' },
    'min-ms': { type: 'string', default: '0.5' },
    'cpu-profile': { type: 'boolean', default: false },
  },
});
process.argv.splice(2);
const { FLAGS, IGNORED_DEFAULTS, log } = await import('./cli.mjs');
const { warmFonts } = await import('./cdp.mjs');
const { benchPage } = await import('./measures.mjs');

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'loading',
  'blink',
];
const [label, where] = (values.build ?? 'fix=dist').split('=');
const builds = { [label]: resolve(where) };
const path = `/bench/build/${label}/e-paper.html${values.query}`;
const minMs = Number(values['min-ms']);

/** One load, traced if `trace`: the trace's events, and the ready mark in the page's clock. */
async function load(browser, origin, trace, profile = false) {
  const result = { errors: [] };
  const { context, page } = await benchPage(browser, result);
  try {
    let onReady;
    const ready = new Promise((r) => (onReady = r));
    await page.exposeBinding('__benchSignal', (_s, name) => name === 'ready' && onReady());
    const cdp = await context.newCDPSession(page);
    const events = [];
    // The trace stays in the browser until the end (a stream read then): the server, in this
    // process, is not slowed by trace data arriving during the load.
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    if (trace) await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReturnAsStream' });
    await page.goto(origin + path, { waitUntil: 'commit' });
    await ready;
    const readyMs = await page.evaluate(() => performance.getEntriesByName('ready')[0].startTime);
    if (profile) return { profile: (await cdp.send('Profiler.stop')).profile, readyMs, errors: result.errors };
    if (trace) {
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      const { stream } = await done;
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      const parsed = JSON.parse(text);
      events.push(...(Array.isArray(parsed) ? parsed : parsed.traceEvents));
    }
    return { events, readyMs, errors: result.errors };
  } finally {
    await context.close().catch(() => {});
  }
}

/** The waterfall of a trace: requests, the main thread's tasks (what filled them) and its idle gaps, in ms from navigation. */
export function waterfall(events, readyMs) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL);
  const t0 = nav?.ts ?? Math.min(...events.filter((e) => e.ts).map((e) => e.ts));
  const main = `${nav?.pid}:${nav?.tid}`;
  const at = (ts) => (ts - t0) / 1000;
  const end = readyMs;
  // Requests.
  const requests = new Map();
  for (const e of events) {
    const d = e.args?.data;
    if (!d?.requestId) continue;
    const r = requests.get(d.requestId) ?? { id: d.requestId };
    if (e.name === 'ResourceSendRequest') Object.assign(r, { url: d.url, start: at(e.ts), priority: d.priority });
    if (e.name === 'ResourceReceiveResponse') r.response = at(e.ts);
    if (e.name === 'ResourceFinish') Object.assign(r, { end: at(e.ts), bytes: d.encodedDataLength });
    requests.set(d.requestId, r);
  }
  // The main thread's top-level tasks and what is inside each.
  const mainEvents = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.ts >= t0).sort((a, b) => a.ts - b.ts);
  // The outermost tasks (a RunTask may hold a ThreadControllerImpl::RunTask, or stand alone).
  const tasks = [];
  for (const e of mainEvents) {
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
    const prev = tasks.at(-1);
    if (!prev || e.ts >= prev.ts + prev.dur) tasks.push(e);
  }
  const inside = (task) => mainEvents.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur);
  const DETAIL = new Set([
    'ParseHTML',
    'EvaluateScript',
    'v8.compile',
    'v8.compileModule',
    'v8.evaluateModule',
    'v8.produceModuleCache',
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
    'RunMicrotasks',
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'Commit',
    'ParseAuthorStyleSheet',
    'Decode Image',
    'ResourceReceivedData',
    'EventDispatch',
    'FireIdleCallback',
    'v8.run',
    'MajorGC',
    'MinorGC',
    'V8.GC_SCAVENGER',
  ]);
  const rows = [];
  let busy = 0;
  let busyCpu = 0;
  let last = 0;
  const gaps = [];
  for (const task of tasks) {
    const start = at(task.ts);
    if (start > end) break;
    const ms = task.dur / 1000;
    busy += ms;
    busyCpu += (task.tdur ?? 0) / 1000;
    if (start - last > 2) gaps.push({ from: +last.toFixed(1), to: +start.toFixed(1) });
    last = Math.max(last, start + ms);
    if (ms < minMs) continue;
    const sums = {};
    for (const e of inside(task)) {
      if (!DETAIL.has(e.name)) continue;
      const key =
        e.name === 'EvaluateScript' || e.name === 'v8.compileModule'
          ? `${e.name} ${shortUrl(e.args?.data?.url ?? e.args?.fileName)}`
          : e.name;
      const s = (sums[key] ??= { n: 0, ms: 0, elements: 0 });
      s.n++;
      s.ms += (e.dur ?? 0) / 1000;
      if (e.name === 'UpdateLayoutTree') s.elements += e.args?.elementCount ?? 0;
    }
    rows.push({ start: +start.toFixed(1), ms: +ms.toFixed(1), cpuMs: +((task.tdur ?? 0) / 1000).toFixed(1), inside: sums });
  }
  // Every thread's top-level tasks before ready (the renderer's raster and compositor threads, the
  // browser's and the GPU process's), by wall and thread time.
  const processNames = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name') processNames.set(e.pid, e.args.name);
  const perThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !TOP.has(e.name) || e.ts < t0 || at(e.ts) > end) continue;
    const key = `${processNames.get(e.pid) ?? e.pid}${e.pid === nav?.pid ? ' (page)' : ''} / ${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    const t = perThread.get(key) ?? { ms: 0, cpuMs: 0, n: 0 };
    t.ms += (e.dur ?? 0) / 1000;
    t.cpuMs += (e.tdur ?? 0) / 1000;
    t.n++;
    perThread.set(key, t);
  }
  const threads = [...perThread]
    .map(([thread, t]) => ({ thread, n: t.n, ms: +t.ms.toFixed(1), cpuMs: +t.cpuMs.toFixed(1) }))
    .sort((a, b) => b.cpuMs - a.cpuMs);
  const list = [...requests.values()]
    .filter((r) => r.url && !/^(chrome|data):/.test(r.url) && r.start <= end)
    .sort((a, b) => a.start - b.start);
  // The page's own performance marks (User Timing), e.g. the ready mark.
  const marks = events
    .filter((e) => e.cat?.includes('blink.user_timing') && e.pid === nav?.pid && e.ts >= t0 && at(e.ts) <= end + 1 && e.ph !== 'e')
    .map((e) => ({ name: e.name, at: +at(e.ts).toFixed(1) }));
  return { readyMs, mainBusyMs: +busy.toFixed(1), mainCpuMs: +busyCpu.toFixed(1), requests: list, tasks: rows, gaps, threads, marks };
}

/** A thread's top-level task (nested ones are inside these). */
const TOP = new Set(['ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

const shortUrl = (url) =>
  url
    ? String(url)
        .replace(/^https?:\/\/[^/]+/, '')
        .replace(/^\/bench\/build\/[^/]+\//, '')
    : '';

function print(w) {
  log(`ready at ${w.readyMs.toFixed(1)} ms (traced); main thread busy ${w.mainBusyMs} ms before it, ${w.mainCpuMs} ms of its CPU`);
  log('requests (ms from navigation: start → response → end, bytes):');
  for (const r of w.requests)
    log(
      `  ${r.start.toFixed(1).padStart(7)} → ${(r.response ?? NaN).toFixed(1).padStart(7)} → ${(r.end ?? NaN).toFixed(1).padStart(7)}  ${String(r.bytes ?? '').padStart(7)}  ${r.priority ?? ''} ${shortUrl(r.url)}`,
    );
  log(`main-thread tasks ≥ ${minMs} ms (start, wall ms, cpu ms: what is inside):`);
  for (const t of w.tasks) {
    const inside = Object.entries(t.inside)
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 6)
      .map(([k, s]) => `${k}${s.n > 1 ? `×${s.n}` : ''} ${s.ms.toFixed(1)}${s.elements ? ` (${s.elements} el)` : ''}`)
      .join(', ');
    log(`  ${t.start.toFixed(1).padStart(7)} ${t.ms.toFixed(1).padStart(6)} ${t.cpuMs.toFixed(1).padStart(6)}  ${inside}`);
  }
  log(`marks: ${w.marks.map((m) => `${m.name} ${m.at}`).join(', ')}`);
  log(`idle gaps > 2 ms: ${w.gaps.map((g) => `${g.from}–${g.to}`).join(', ')}`);
  log('threads before ready (tasks, wall ms, thread ms):');
  for (const t of w.threads.slice(0, 16))
    log(`  ${String(t.n).padStart(5)} ${t.ms.toFixed(1).padStart(7)} ${t.cpuMs.toFixed(1).padStart(7)}  ${t.thread}`);
}

const server = await startServer({ builds });
const browser = await chromium.launch({ executablePath: await findBrowser(), args: FLAGS, ignoreDefaultArgs: IGNORED_DEFAULTS });
try {
  await warmFonts(browser);
  const loads = Math.max(1, Number(values.loads) || 2);
  for (let i = 0; i < loads - 1; i++) log(`warm-up load: ready ${(await load(browser, server.origin, false)).readyMs.toFixed(1)} ms`);
  if (values['cpu-profile']) {
    const { profile, readyMs } = await load(browser, server.origin, false, true);
    log(`ready at ${readyMs.toFixed(1)} ms (sampled)`);
    printProfile(profile);
  } else await traced();
} finally {
  await browser.close();
  await server.close();
}

/** Self and total time per function of a V8 CPU profile, the largest first. */
function printProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const ms = (dt[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let n = byId.get(id), first = true; n; n = byId.get(parent.get(n.id)), first = false) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      if (first) self.set(key, (self.get(key) ?? 0) + ms);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + ms);
      seen.add(key);
    }
  });
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 30);
  log('self time (ms):');
  for (const [k, ms] of top(self)) log(`  ${ms.toFixed(1).padStart(7)}  ${k}`);
  log('total time (ms):');
  for (const [k, ms] of top(total)) log(`  ${ms.toFixed(1).padStart(7)}  ${k}`);
}

async function traced() {
  const { events, readyMs, errors } = await load(browser, server.origin, true);
  if (errors.length) log(errors.join('\n'));
  const w = waterfall(events, readyMs);
  print(w);
  if (values.json) writeFileSync(values.json, JSON.stringify({ ...w, events }, null, 0));
}
