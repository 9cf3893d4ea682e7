// What the bench reads through the Chrome DevTools Protocol and the page's own timing: the
// workers of a page, its network log and bytes, frame timing, and dropped frames from a trace.
import { VIEWPORT } from './cli.mjs';

// ---- CDP: workers (attached through the page's session, unflattened) -------------------------

/** Dedicated workers of the page (PDF.js's), reached through Target.sendMessageToTarget. */
export function workerChannel(cdp) {
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
export function networkLog(cdp) {
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
export function accountBytes(requests, timing, from, to) {
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
            responseStart: entry.responseStart,
            end: entry.end,
            source: 'cdp',
          }
        : {
            url: entry.name,
            start: entry.start,
            responseStart: entry.responseStart,
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

export const timingEntries = () =>
  [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
    name: e.name,
    initiatorType: e.entryType === 'navigation' ? 'navigation' : e.initiatorType,
    start: e.startTime,
    responseStart: e.responseStart,
    end: e.responseEnd,
    transferSize: e.transferSize,
    decodedBodySize: e.decodedBodySize,
  }));

/** In the page: resolves once 12 animation frames in a row came on time (≤ 20 ms apart), or after 5 s. */
export const quiet = () =>
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
export async function warmFonts(browser) {
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
export function droppedFrames(buffer, rendererPids) {
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
