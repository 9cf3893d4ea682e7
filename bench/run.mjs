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
//
// This file runs the bench; the rest is in modules by concern: cli.mjs (the options and settings),
// server.mjs (the static server), peers.mjs (installing the peers), make-inputs.mjs and cpu.mjs,
// cdp.mjs (what is read through CDP), measures.mjs (one load and its interaction) and report.mjs
// (statistics, tables, targets).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { findBrowser } from '../scripts/find-browser.js';
import { ROOT, startServer } from './server.mjs';
import { makeInputs } from './make-inputs.mjs';
import { cpuSource } from './cpu.mjs';
import {
  started,
  opts,
  RUNS,
  SHORT,
  WARMUP,
  SCALE,
  PEERS,
  SCALE_LOADS,
  SCALE_LIMIT,
  VIEWPORT,
  FLAGS,
  IGNORED_DEFAULTS,
  TARGET_SCALE,
  ZOOM_POINT,
  WHEEL_DELTA,
  WHEEL_INTERVAL,
  STROKES,
  STROKE_MS,
  SETTLE_MS,
  CLICK_ARTICLE,
  FRAME_LIMIT_MS,
  VIEWERS,
  SCALE_VARIANTS,
  STAMP,
  SCREENSHOTS,
  log,
} from './cli.mjs';
import { warmFonts } from './cdp.mjs';
import { measure } from './measures.mjs';
import { scaleRound } from './scale-measures.mjs';
import { summarise, fmt, table, targets, summariseScale, scaleTable, scaleTargets } from './report.mjs';

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

// Issue 22, item 2: a tiled scan page at 3× against OpenSeadragon on a Deep Zoom of the same scan
// and on e-paper's own tiles (scan-tiles.mjs), in the full run only (about 10 minutes for 3 runs on
// a busy machine): `npm run bench:tiles` alone.
if (PEERS && !SHORT) {
  console.log('');
  execFileSync(process.execPath, [join(ROOT, 'bench/scan-tiles.mjs')], { stdio: 'inherit' });
}

// A load that failed outright (no ready mark, a crash) fails the run, so that CI notices a bench
// that rotted; a missed target or an n/a does not.
const failed = [...results, ...scaleResults].filter((r) => r.errors.some((e) => e.startsWith('failed:')));
if (failed.length) {
  for (const r of failed)
    log(`bench: ${r.viewer ?? `scale ${r.variant}`} ${r.warmup ? 'warm-up' : `run ${r.round + 1}`}: ${r.errors.join('; ')}`);
  process.exitCode = 1;
}
