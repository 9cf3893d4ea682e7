// Builds of e-paper against each other, interleaved in one run: for finding which change made a
// figure worse, and for judging a fix. Each build is a folder holding a built `dist/` (for
// example a scratch worktree of another commit after `node scripts/build.mjs`); each load gets
// the main bench's load, click and interaction (measures.mjs), the builds rotated from round to
// round (A B C, B C A, …) so that the machine's load falls on all alike; after the interaction a
// reload checks that the saved view is shown from the first frame on, as the main bench does.
//
//   node bench/compare.mjs --build base=/path/to/dist --build fix=dist [--runs 4] [--profile]
//
// --click-only: each load only to the click (no interaction), for more rounds in the time.
// --click-cpu: a trace over each click, for the CPU time of what comes between the click and its
// first frame (measures.mjs traceClick): the click's own main-thread time and the layout in it,
// the main thread to the frame's commit, the raster of that frame's tiles, and the wall time to
// the first draw after them. Thread time, which the machine's other load disturbs less than wall
// time (the trace costs a little, so click → text is then a little slower in every build alike).
// --before LABEL=FILE: a function expression (the file's text) run and awaited in LABEL's page
// after the click, before the interaction, as in frame-timeline.mjs: to compare an idea without
// building it (two labels may name the same build; bench/experiments/ holds the ones tried).
// --ready-only: each load only to `e-paper-ready` (the first render: its time, the CPU of every
// process to it, the bytes before it, and when each request before it started, answered and
// ended, as Resource Timing has them), for many rounds in little time.
// --query '?src=…': the bench page's query for every build (the scale scenario's editions, e.g.
// `?src=/bench/.cache/scale/edition-24p.json`, the edition in page files).
// --profile also records, after the rounds, one load of each build with the DevTools timeline
// categories on (slow: the figures of that load are not comparable, which is why it comes
// apart), and sums per build what the main thread did in the interaction and in the click:
// style recalculations (and the elements they restyled), layouts, paints, scripts, and the
// longest tasks with what they were. The traces go to bench/results/.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findBrowser } from '../scripts/find-browser.js';
import { ROOT, startServer } from './server.mjs';

const { values } = parseArgs({
  options: {
    build: { type: 'string', multiple: true },
    runs: { type: 'string', default: '4' },
    profile: { type: 'boolean', default: false },
    'profile-only': { type: 'boolean', default: false },
    'click-only': { type: 'boolean', default: false },
    'click-cpu': { type: 'boolean', default: false },
    'ready-only': { type: 'boolean', default: false },
    query: { type: 'string', default: '' },
    before: { type: 'string', multiple: true },
  },
});
// The main bench's modules read their own options from the command line: none of these.
process.argv.splice(2);
const { FLAGS, IGNORED_DEFAULTS, log } = await import('./cli.mjs');
const { warmFonts } = await import('./cdp.mjs');
const { measure } = await import('./measures.mjs');
const { profileLoad } = await import('./profile.mjs');
const builds = Object.fromEntries(
  (values.build ?? []).map((spec) => {
    const [label, where] = spec.split('=');
    const [dir, attributes] = where.split('#');
    return [label, resolve(dir) + (attributes ? `#${attributes}` : '')];
  }),
);
const labels = Object.keys(builds);
const before = Object.fromEntries(
  // Prettier ends the file's one expression with a semicolon, which the call around it cannot take.
  (values.before ?? []).map((spec) => [
    spec.split('=')[0],
    `(${readFileSync(resolve(spec.split('=')[1]), 'utf8')
      .trim()
      .replace(/;$/, '')})()`,
  ]),
);
if (labels.length < 1) {
  log(
    'usage: node bench/compare.mjs --build A=dist-folder --build B=dist-folder [--runs N] [--profile] [--click-only] [--click-cpu] [--before LABEL=FILE]',
  );
  process.exit(2);
}
const runs = values['profile-only'] ? 0 : Math.max(1, Number(values.runs) || 4);
const viewerOf = (label) => ({
  id: label,
  label,
  path: `/bench/build/${label}/e-paper.html${values.query}`,
  zoomModifiers: 2,
  // After the interaction, a reload: is the saved view shown from the first frame on?
  reload: true,
  clickOnly: values['click-only'],
  readyOnly: values['ready-only'],
  clickCpu: values['click-cpu'],
  before: before[label],
});

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 0) => (x == null ? 'n/a' : x.toFixed(d));

const server = await startServer({ builds });
const browser = await chromium.launch({ executablePath: await findBrowser(), args: FLAGS, ignoreDefaultArgs: IGNORED_DEFAULTS });
const results = [];
const profiles = {};
const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
const outDir = join(ROOT, 'bench/results');
mkdirSync(outDir, { recursive: true });
const load0 = loadavg();
try {
  const browserCdp = await browser.newBrowserCDPSession();
  await warmFonts(browser);
  // A warm-up load of each, not counted: the first load in a browser pays its own first-use costs.
  for (const label of labels) if (runs) await measure(browser, browserCdp, server.origin, viewerOf(label), -1);
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < labels.length; k++) {
      const label = labels[(k + round) % labels.length];
      const r = await measure(browser, browserCdp, server.origin, viewerOf(label), round);
      results.push(r);
      const i = r.interaction ?? {};
      log(
        `  run ${round + 1} ${label.padEnd(10)} LoAF ${fmt(i.loafTotalMs)} ms (${Object.entries(i.parts ?? {})
          .map(([p, v]) => `${p} ${Math.round(v.loafMs)}/${v.over33}`)
          .join(
            ', ',
          )}), >33 ${i.intervalsOver33}, max ${fmt(i.maxIntervalMs)} ms, click ${fmt(r.click?.ms, 1)} ms, event ${fmt(r.click?.longestEventMs)} ms` +
          (r.errors.length ? `\n    ${r.errors.slice(0, 3).join('\n    ')}` : ''),
      );
    }
  }
  if (values.profile || values['profile-only']) {
    for (const label of labels) {
      const file = join(outDir, `${stamp}-profile-${label}.json`);
      profiles[label] = await profileLoad(browser, browserCdp, server.origin, viewerOf(label), file);
      log(`  profile ${label}: ${JSON.stringify(profiles[label].summary)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const rows = [
  ['LoAF total in the interaction (ms)', (r) => r.interaction?.loafTotalMs],
  ['  of it in the zoom', (r) => r.interaction?.parts?.zoom?.loafMs ?? 0],
  ['  in the pan', (r) => r.interaction?.parts?.pan?.loafMs ?? 0],
  ['  in the settle (1 s after)', (r) => r.interaction?.parts?.settle?.loafMs ?? 0],
  ['frame intervals > 33 ms', (r) => r.interaction?.intervalsOver33],
  ['  of them in the zoom (its settle too)', (r) => r.interaction?.parts?.zoom?.over33 ?? 0],
  ['  in the pan', (r) => r.interaction?.parts?.pan?.over33 ?? 0],
  ['  in the settle (1 s after)', (r) => r.interaction?.parts?.settle?.over33 ?? 0],
  ['longest frame interval (ms)', (r) => r.interaction?.maxIntervalMs],
  ['compositor frames dropped', (r) => r.interaction?.droppedFrames],
  ['renderer CPU in the interaction (ms)', (r) => r.interaction?.rendererCpuMs],
  ['click → text (ms)', (r) => r.click?.ms],
  ["click's longest event (ms)", (r) => r.click?.longestEventMs],
  ["click's main-thread CPU (ms, --click-cpu)", (r) => r.click?.cpu?.clickMs],
  ['  of it layout', (r) => r.click?.cpu?.layoutMs],
  ['main thread, click → first commit (CPU ms)', (r) => r.click?.cpu?.frameMs],
  ['  of it style', (r) => r.click?.cpu?.frameStyleMs],
  ['  of it layout', (r) => r.click?.cpu?.frameLayoutMs],
  ['  of it paint', (r) => r.click?.cpu?.framePaintMs],
  ["raster of that frame's tiles (CPU ms)", (r) => r.click?.cpu?.rasterMs],
  ['click → first draw after it (ms)', (r) => r.click?.cpu?.toDrawMs],
  ['reload: the saved view in every frame before ready (1 yes, 0 no)', (r) => (r.reload ? (r.reload.inFirstFrame ? 1 : 0) : undefined)],
  ['navigation → ready (ms)', (r) => r.readyMs],
  ['CPU to ready, every process (ms)', (r) => r.cpuToReadyMs],
  ['JS before ready (KB on the wire)', (r) => r.load?.jsEncoded / 1024, 1],
  ['all bytes before ready (KB on the wire)', (r) => r.load?.allEncoded / 1024, 1],
];
// --ready-only: the load's rows alone, and each request before ready, by path (a build's own
// `/bench/build/<label>/` taken off): when it started, answered and ended (ms from navigation).
if (values['ready-only']) {
  rows.splice(0, rows.length - 4);
  const pathOf = (url) => new URL(url).pathname.replace(/^\/bench\/build\/[^/]+\//, '');
  const paths = [];
  for (const r of results) for (const e of r.load?.resources ?? []) if (!paths.includes(pathOf(e.url))) paths.push(pathOf(e.url));
  // What comes after the entry has arrived, which the wait for it (the server, the machine) does not blur.
  const entryEnd = (r) => r.load?.resources?.find((e) => pathOf(e.url) === 'dist/e-paper.js')?.end;
  rows.push(['entry arrived → ready (ms)', (r) => r.readyMs - entryEnd(r)]);
  for (const path of paths) {
    const of = (r) => r.load?.resources?.find((e) => pathOf(e.url) === path);
    rows.push([`${path}: start`, (r) => of(r)?.start], ['  answered', (r) => of(r)?.responseStart], ['  ended', (r) => of(r)?.end]);
  }
}
const head = ['', ...labels.map((l) => `${l} median (min–max)`)];
const lines = rows
  .map(([name, get, d = 0]) => [
    name,
    ...labels.map((label) => {
      const xs = results
        .filter((r) => r.viewer === label)
        .map(get)
        .filter((x) => typeof x === 'number' && !Number.isNaN(x));
      return xs.length ? `${fmt(median(xs), d)} (${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)})` : 'n/a';
    }),
  ])
  // A figure no build has in this mode (the interaction's, with --ready-only) is left out.
  .filter((line) => line.slice(1).some((cell) => cell !== 'n/a'));
if (runs) {
  console.log(
    `\nbuilds compared: ${runs} rounds, rotated, after a warm-up load of each; load average ${load0.map((l) => l.toFixed(1)).join('/')} before, ${loadavg()
      .map((l) => l.toFixed(1))
      .join('/')} after, ${cpus().length} cores\n`,
  );
  const widths = head.map((_, c) => Math.max(...[head, ...lines].map((l) => String(l[c]).length)));
  for (const l of [head, ...lines]) console.log(l.map((cell, c) => String(cell).padEnd(widths[c])).join('  '));
}
for (const [label, p] of Object.entries(profiles)) console.log(`\nprofile ${label}:\n${JSON.stringify(p.summary, null, 1)}`);
const out = join(outDir, `${stamp}-compare.json`);
writeFileSync(
  out,
  JSON.stringify(
    { builds, runs, results, profiles: Object.fromEntries(Object.entries(profiles).map(([k, v]) => [k, v.summary])) },
    null,
    1,
  ),
);
console.log(`\nraw figures: ${out.slice(ROOT.length)}`);
