#!/usr/bin/env node
// The edition font bytes of a deep link into a page kept in a page file, by kind of file, for
// builds of the viewer against each other, interleaved (A B, B A, …), each load in a fresh browser
// context (an empty cache) at 1280 × 900: demo/editions/sliced/paged.json (test copies of the
// A1's layout, not news) opened at page A2, then
//
//   ready → idle   what came from ready until the browser was idle: the page strip's thumbnails,
//                  the stand-ins swapped for the page's real faces, the reader's glyph warm-up
//   turn to A3     the next page, until idle again (its headline cut, or the slices it prints)
//   open article   the first article of A3 opened in the reader, until idle again
//
// Idle: the reader's part is in and no font file was fetched for 2 s. Bytes are what the network
// carried (PerformanceResourceTiming transferSize), by kind: the headline's and the body's shared
// slices, the pages' headline cuts, the stand-ins and the files of characters outside the slices.
//
//   node bench/page-fonts.mjs --build base=/path/to/dist --build fix=dist [--runs 3]
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowser } from '../scripts/find-browser.js';
import { startServer } from './server.mjs';

const { values } = parseArgs({ options: { build: { type: 'string', multiple: true }, runs: { type: 'string', default: '3' } } });
const builds = Object.fromEntries((values.build ?? []).map((spec) => [spec.split('=')[0], resolve(spec.split('=')[1])]));
const labels = Object.keys(builds);
if (!labels.length) throw new Error('name at least one build: --build label=path/to/dist');
const RUNS = Math.max(1, Number(values.runs) || 3);
const SRC = '/demo/editions/sliced/paged.json';

/** A font file's kind, by its path. */
function kindOf(path) {
  if (/headline-page-/.test(path)) return 'page cuts';
  if (/stand-in-/.test(path)) return 'stand-ins';
  if (/other-/.test(path)) return 'other';
  const role = /\/fonts\/(body|headline|masthead)\//.exec(path)?.[1];
  return role ? `${role} slices` : 'other';
}
const KINDS = ['headline slices', 'body slices', 'page cuts', 'stand-ins', 'other'];

/** The edition's font files fetched so far: path → bytes. */
const fontFiles = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/demo/editions/') && entry.name.endsWith('.woff2'))
      .map((entry) => [new URL(entry.name).pathname, entry.transferSize]),
  );

/** Waits until the reader's part is in and no font file was fetched for 2 s. */
async function idle(page) {
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('e-paper-reader')), null, {
    timeout: 60_000,
    polling: 100,
  });
  const count = () => page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.woff2')).length);
  for (let before = await count(); ;) {
    await page.waitForTimeout(2000);
    const now = await count();
    if (now === before) break;
    before = now;
  }
  await page.waitForFunction(() => document.fonts.status === 'loaded', null, { timeout: 60_000, polling: 100 });
}

/** Bytes by kind of the files in `after` and not in `before`. */
function added(before, after) {
  const seen = new Set(before.map(([path]) => path));
  const sums = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
  for (const [path, bytes] of after) if (!seen.has(path)) sums[kindOf(path)] += bytes;
  return sums;
}

async function load(browser, origin, label) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/bench/build/${label}/e-paper.html?src=${encodeURIComponent(SRC)}&page=A2`);
    await page.waitForFunction(() => performance.getEntriesByName('ready').length > 0, null, { timeout: 60_000 });
    // Those whose fetch started before the ready mark.
    const atReady = await page.evaluate(() => {
      const ready = performance.getEntriesByName('ready')[0].startTime;
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.woff2') && entry.startTime < ready)
        .map((entry) => [new URL(entry.name).pathname, entry.transferSize]);
    });
    await idle(page);
    const idleFiles = await fontFiles(page);
    await page.evaluate(() => (document.querySelector('e-paper').page = 'A3'));
    await page.waitForFunction(() => document.querySelector('e-paper').pageArticles.length > 0, null, { timeout: 60_000 });
    await idle(page);
    const turned = await fontFiles(page);
    await page.evaluate(() => {
      const el = document.querySelector('e-paper');
      el.openArticle(el.pageArticles[0].id);
    });
    await idle(page);
    const opened = await fontFiles(page);
    return { ready: added(atReady, idleFiles), turn: added(idleFiles, turned), open: added(turned, opened) };
  } finally {
    await context.close();
  }
}

const server = await startServer({ builds, cacheFonts: true });
const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS });
const load0 = loadavg()[0];
const results = Object.fromEntries(labels.map((label) => [label, []]));
try {
  for (let round = 0; round < RUNS; round += 1)
    for (let i = 0; i < labels.length; i += 1) {
      const label = labels[(i + round) % labels.length];
      results[label].push(await load(browser, server.origin, label));
      process.stderr.write('.');
    }
} finally {
  await browser.close();
  await server.close();
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
const kib = (bytes) => (bytes / 1024).toFixed(1);
console.log(`\nFont KiB of a deep link to page A2 of ${SRC} (median of ${RUNS}; load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)})\n`);
console.log(`| build | step | ${KINDS.join(' | ')} | all |`);
console.log(`|:--|:--|${KINDS.map(() => '--:').join('|')}|--:|`);
for (const label of labels)
  for (const [step, name] of [
    ['ready', 'ready → idle'],
    ['turn', 'turn to A3'],
    ['open', 'open an article'],
  ]) {
    const list = results[label].map((r) => r[step]);
    const cells = KINDS.map((kind) => kib(median(list.map((r) => r[kind]))));
    const all = kib(median(list.map((r) => KINDS.reduce((sum, kind) => sum + r[kind], 0))));
    console.log(`| ${label} | ${name} | ${cells.join(' | ')} | ${all} |`);
  }
