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
const { analyse } = await import('./timeline-analyse.mjs');

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
