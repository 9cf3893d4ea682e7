// What bench/frame-timeline.mjs makes of a trace: for each frame interval of the interaction (over
// 33 ms, or all), the renderer main thread's work by kind, its long tasks and the compositor's, and
// raster by layer; over the whole interaction, raster by part and layer, and (with Skia's
// categories) the raster threads' time by drawing call. Every sum is of the trace's exact
// durations, rounded once, when it is written (to 0.1 ms).

/** Milliseconds to 0.1: what is written. */
const tenth = (ms) => Math.round(ms * 10) / 10;
/** `sums` (name → {tiles, ms, cpu} or a number of ms) with every ms rounded to 0.1, once. */
const rounded = (sums) =>
  Object.fromEntries(
    Object.entries(sums).map(([k, v]) => [k, typeof v === 'number' ? tenth(v) : { ...v, ms: tenth(v.ms), cpu: tenth(v.cpu) }]),
  );

export function analyse(trace, frames, phases, offsetUs, names, all) {
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
    r.ms += e.dur / 1000;
    r.cpu += (e.tdur ?? e.dur) / 1000;
  }
  for (const [part, layers] of Object.entries(rasterByPart)) rasterByPart[part] = rounded(layers);
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
  for (const c of Object.values(rasterCalls)) c.ms = tenth(c.ms);
  const out = [];
  for (let i = 1; i < frames.length; i++) {
    const [a, b] = [frames[i - 1], frames[i]];
    if (!all && b - a <= 33) continue;
    const inWindow = (e) => toPage(e.ts) < b && toPage(e.ts + (e.dur ?? 0)) > a;
    const sum = {};
    for (const e of main.filter(inWindow)) if (KINDS.includes(e.name)) sum[e.name] = (sum[e.name] ?? 0) + e.dur / 1000;
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
      r.ms += e.dur / 1000;
      r.cpu += (e.tdur ?? e.dur) / 1000;
    }
    out.push({
      at: Math.round(a - frames[0]),
      ms: Math.round(b - a),
      phase: phaseOf(b),
      main: rounded(sum),
      longMain,
      longCompositor: longComp,
      raster: rounded(byLayer),
    });
  }
  return { frames: out, rasterByPart, rasterCalls };
}
