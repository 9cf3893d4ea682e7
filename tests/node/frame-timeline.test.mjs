// bench/frame-timeline.mjs's sums (bench/timeline-analyse.mjs), on a made-up trace: each is of
// the events' exact durations, rounded once. Rounded at each addition, three layouts of 0.04 ms
// each summed to 0 ms, not 0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../bench/timeline-analyse.mjs';

const PID = 1;
const thread = (tid, name) => ({ ph: 'M', name: 'thread_name', pid: PID, tid, args: { name } });
/** A complete event on thread `tid` at `atMs` (page time: the offset is 0) lasting `us` µs. */
const event = (tid, name, atMs, us, args) => ({ ph: 'X', name, pid: PID, tid, ts: atMs * 1000, dur: us, tdur: us, ...(args && { args }) });

test('sums each frame’s work and raster from exact durations, rounding once', () => {
  const trace = {
    traceEvents: [
      thread(1, 'CrRendererMain'),
      thread(2, 'Compositor'),
      thread(3, 'CompositorTileWorker1'),
      event(1, 'FireAnimationFrame', 1, 100),
      ...[10, 20, 30].map((at) => event(1, 'Layout', at, 40)),
      ...[11, 21, 31].map((at) => event(3, 'RasterTask', at, 40, { tileData: { layerId: 7 } })),
    ],
  };
  const names = new Map([['7', 'div.stage 800×600']]);
  const { frames, rasterByPart } = analyse(trace, [0, 50], [], 0, names, false);
  assert.equal(frames.length, 1, 'the one interval over 33 ms');
  assert.equal(frames[0].main.Layout, 0.1, 'three layouts of 0.04 ms');
  assert.equal(frames[0].main.FireAnimationFrame, 0.1);
  assert.deepEqual(frames[0].raster, { 'div.stage 800×600': { tiles: 3, ms: 0.1, cpu: 0.1 } });
  assert.deepEqual(rasterByPart, { start: { 'div.stage 800×600': { tiles: 3, ms: 0.1, cpu: 0.1 } } });
});
