#!/usr/bin/env node
// The edition fonts' bytes before `e-paper-ready` (issue 22, item 1), in Chromium, each load in a
// fresh browser context (an empty cache) unless said otherwise; and, per load, all bytes before
// ready (JS, edition, fonts, images: what the network carried) and the font bytes until the page's
// fonts are all in (its stand-ins swapped for the real faces) and once idle (the reader's part in,
// after which its glyph warm-up runs, and no font fetched for 2 s: what a reader who opens no
// article pays in all), against OpenSeadragon's all bytes
// to ready on the A1 (its Deep Zoom tiles, bench/make-inputs.mjs) in the same run:
//
//   A1, exact cut          the demo's A1: its fonts cut to the glyphs of that one page
//   A1, shared slices      the same page, its fonts in the publication's shared slices
//   3,500 characters       the test edition that prints the whole common-character list (not news)
//   next day, cache warm   the A1 in slices, then in the same context "the next day" (its
//                          layout, other text, not news): what the second day fetches
//   phone at 3×            the A1 in slices on a phone (390 × 844 at 3 device px a CSS px)
//   page A2 in page files  a deep link to page A2 of demo/editions/sliced/paged.json (test copies
//                          of the A1's layout, not news), kept in a page file
//
//   npm run bench:fonts [-- --runs N]      (builds dist/ first if it is missing)
//
// Bytes are what the network carried (PerformanceResourceTiming transferSize: 0 for a file from
// the cache) for the edition's font files whose fetch started before the ready mark; navigation →
// ready is given against the demo's A1 in the same run (`npm run bench` times the A1 against the peers); those until
// the page's fonts are in are checked against what the bench server sent. A separate module, to be wired into bench/run.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowser } from '../scripts/find-browser.js';
import { ROOT, startServer } from './server.mjs';
import { makeInputs } from './make-inputs.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Math.max(1, Number(values.runs) || 3);
if (!existsSync(`${ROOT}/dist/e-paper.js`)) execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

const PAGE = '/bench/pages/e-paper.html';
const EDITIONS = {
  exact: '/demo/editions/zhuzhou-daily-2021-01-08.json',
  sliced: '/demo/editions/sliced/zhuzhou-daily-2021-01-08.json',
  common: '/demo/editions/sliced/common-characters.json',
  nextDay: '/demo/editions/sliced/next-day.json',
  // A deep link to page A2 of three, kept in a page file (its own headline cut since this session).
  paged: '/demo/editions/sliced/paged.json',
};
/** The page each edition opens at (the query's ?page=), if not its first. */
const PAGES = { paged: 'A2' };

const server = await startServer({ cacheFonts: true });
const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS });
await makeInputs({ browser, origin: server.origin });

/** Loads OpenSeadragon's A1 in `page`; returns all bytes to its ready mark. */
async function loadOsd(page) {
  await page.goto(`${server.origin}/bench/pages/osd.html`);
  await page.waitForFunction(() => performance.getEntriesByName('ready').length > 0, null, { timeout: 60_000 });
  return { all: await page.evaluate(allBefore) };
}

/** In the page: navigation → the ready mark, in ms. */
const readyMs = () => performance.getEntriesByName('ready')[0].startTime;

/** In the page: what the network carried for every resource (the document too) that ended before the ready mark. */
function allBefore() {
  const ready = performance.getEntriesByName('ready')[0].startTime;
  return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .filter((entry) => entry.responseEnd <= ready)
    .reduce((sum, entry) => sum + entry.transferSize, 0);
}

/** Loads `src` in `page`; returns the edition font files fetched before ready: count, bytes, files served by the network. */
async function load(page, src, at) {
  const sentBefore = server.log.length;
  await page.goto(`${server.origin}${PAGE}?src=${encodeURIComponent(src)}${at ? `&page=${at}` : ''}`);
  await page.waitForFunction(() => performance.getEntriesByName('ready').length > 0, null, { timeout: 60_000 });
  const fonts = await page.evaluate(() => {
    const ready = performance.getEntriesByName('ready')[0].startTime;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/demo/editions/') && entry.name.endsWith('.woff2') && entry.startTime < ready)
      .map((entry) => ({ url: new URL(entry.name).pathname, bytes: entry.transferSize }));
  });
  const all = await page.evaluate(allBefore);
  const ready = await page.evaluate(readyMs);
  // The page's fonts all in: no stand-in left in the document, and no face loading.
  await page.waitForFunction(
    () => document.fonts.status === 'loaded' && ![...document.fonts].some((face) => /stand-in"?$/.test(face.family)),
    null,
    { timeout: 60_000, polling: 100 },
  );
  const fontsIn = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/demo/editions/') && entry.name.endsWith('.woff2'))
      .map((entry) => ({ url: new URL(entry.name).pathname, bytes: entry.transferSize })),
  );
  // Once idle: the reader's part in (its glyph warm-up runs at idle after it) and no font fetched
  // for 2 s: what a reader who opens nothing pays in all.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('e-paper-reader')), null, {
    timeout: 60_000,
    polling: 100,
  });
  const fontEntries = () =>
    page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.woff2')).length);
  for (let count = await fontEntries(); ;) {
    await page.waitForTimeout(2000);
    const now = await fontEntries();
    if (now === count) break;
    count = now;
  }
  await page.waitForFunction(() => document.fonts.status === 'loaded', null, { timeout: 60_000, polling: 100 });
  const idle = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/demo/editions/') && entry.name.endsWith('.woff2'))
      .reduce((sum, entry) => sum + entry.transferSize, 0),
  );
  // What the server sent of those same files (not of others still on their way).
  const paths = new Set(fontsIn.filter((font) => font.bytes > 0).map((font) => font.url));
  const sent = server.log.slice(sentBefore).filter((entry) => paths.has(entry.url));
  return {
    files: fonts.length,
    fetched: fonts.filter((font) => font.bytes > 0).length,
    bytes: fonts.reduce((sum, font) => sum + font.bytes, 0),
    sent: sent.reduce((sum, entry) => sum + entry.bytes, 0),
    all,
    readyMs: ready,
    fontsIn: fontsIn.reduce((sum, font) => sum + font.bytes, 0),
    idle,
    fetchedIn: paths.size,
  };
}

const results = { exact: [], sliced: [], common: [], paged: [], nextDay: [], osd: [], phone: [] };
/** A phone: 390 × 844 CSS px at 3 device px each (the body at fit: 3 CSS px, 9 device px). */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
for (let run = 0; run < RUNS; run += 1) {
  const osdContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  results.osd.push(await loadOsd(await osdContext.newPage()));
  await osdContext.close();
  for (const name of ['exact', 'sliced', 'common', 'paged']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    results[name].push(await load(await context.newPage(), EDITIONS[name], PAGES[name]));
    await context.close();
  }
  const phone = await browser.newContext(PHONE);
  results.phone.push(await load(await phone.newPage(), EDITIONS.sliced));
  await phone.close();
  // The first day, then the next in the same context: its cache holds the first day's files.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const day1 = await load(page, EDITIONS.sliced);
  results.nextDay.push({ ...(await load(page, EDITIONS.nextDay)), day1: day1.bytes, day1In: day1.fontsIn });
  await context.close();
}
await browser.close();
await server.close();

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows = [
  ['A1, exact cut (the demo)', results.exact],
  ['A1, shared slices', results.sliced],
  ['3,500 characters, shared slices', results.common],
  ['next day, cache warm', results.nextDay],
  ['A1, shared slices, phone at 3×', results.phone],
  ['page A2 of three in page files, deep link', results.paged],
];
const osdAll = median(results.osd.map((r) => r.all));
// Against the demo's A1 in this run, whose ratio to OpenSeadragon `npm run bench` gives: here each
// OpenSeadragon load is its round's first, cold, and far slower than there.
const a1Ready = median(results.exact.map((r) => r.readyMs));
console.log(`\nEdition font bytes before e-paper-ready (median of ${RUNS} runs; files listed → fetched from the network)`);
console.log(`and all bytes before ready against OpenSeadragon's A1 (${kb(osdAll)} to its ready, same run)\n`);
console.log(
  `navigation → ready against the demo's A1 (${Math.round(a1Ready)} ms, same run; a cold cache and a new context each load but the next day's)\n`,
);
console.log(
  "| load | navigation → ready | × the demo's A1 | font files before ready | from the network | font bytes before ready | all bytes before ready | × OpenSeadragon | font bytes until the page's fonts are in | server sent of those | font bytes once idle |",
);
console.log('|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const [label, list] of rows) {
  const all = median(list.map((r) => r.all));
  const ready = median(list.map((r) => r.readyMs));
  console.log(
    `| ${label} | ${Math.round(ready)} ms | ${(ready / a1Ready).toFixed(2)}× | ${median(list.map((r) => r.files))} | ${median(list.map((r) => r.fetched))} | ${kb(median(list.map((r) => r.bytes)))} | ${kb(all)} | ${(all / osdAll).toFixed(2)}× | ${kb(median(list.map((r) => r.fontsIn)))} | ${kb(median(list.map((r) => r.sent)))} | ${kb(median(list.map((r) => r.idle)))} |`,
  );
}
const ratio = median(results.nextDay.map((r) => r.bytes / r.day1));
const ratioIn = median(results.nextDay.map((r) => r.fontsIn / r.day1In));
console.log(
  `\nnext day / first day (A1 in slices), font bytes before ready: ${(ratio * 100).toFixed(1)} %; until the page's fonts are in: ${(ratioIn * 100).toFixed(1)} % (target ≤ 10 %)\n`,
);
for (const [label, list] of rows)
  // transferSize counts the response's headers too: some hundred bytes a file.
  if (list.some((r) => Math.abs(r.fontsIn - r.sent) > 1024 * (1 + r.fetchedIn)))
    console.warn(`warning: ${label}: the browser and the server disagree on the bytes`);
