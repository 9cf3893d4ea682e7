// Prints tests/fixtures/pdf/newsletter.html (a made-up English two-column newsletter, not a real
// one) to tests/fixtures/pdf/newsletter.pdf with the project's headless Chromium, and writes
// newsletter.truth.json for bench/pdf-fixtures.mjs and tests/node/pdf.test.mjs: each <article>
// as printed (its <h2>, its byline, its paragraphs) with its region, one rect per column it
// fills (one CSS pixel = one page unit = 0.75 pt).
//
//   node scripts/make-newsletter-fixture.mjs
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { CHROME_FLAGS, findBrowser } from './find-browser.js';

const DIR = 'tests/fixtures/pdf';
const [width, height] = [816, 1056];
const browser = await chromium.launch({
  executablePath: await findBrowser(),
  args: [...CHROME_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
try {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(pathToFileURL(resolve(DIR, 'newsletter.html')).href);
  await page.evaluate(() => document.fonts.ready);
  const articles = await page.evaluate(() =>
    [...document.querySelectorAll('article')].map((article, i) => ({
      id: `n${i + 1}`,
      headline: article.querySelector('h2').textContent.trim(),
      bylines: [...article.querySelectorAll('.byline')].map((p) => p.textContent.trim()),
      paragraphs: [...article.querySelectorAll('p:not(.byline)')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()),
      rects: [...article.getClientRects()].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
    })),
  );
  await page.pdf({ path: `${DIR}/newsletter.pdf`, width: `${width}px`, height: `${height}px`, printBackground: true, pageRanges: '1' });
  const round = (n) => Math.round(n * 100) / 100;
  const truth = {
    format: 'e-paper-edition',
    version: 1,
    id: 'riverside-newsletter-test',
    title: 'Riverside Community Newsletter (test page, not real)',
    date: '2024-05-10',
    lang: 'en',
    pageCount: 1,
    articles: articles.map(({ rects: _, bylines, ...a }) => ({ ...a, ...(bylines.length && { bylines }) })),
    pages: [
      {
        id: '1',
        label: '1',
        width,
        height,
        regions: articles.map((a) => ({
          article: a.id,
          shapes: a.rects.map((r) => ({ rect: { x: round(r.x), y: round(r.y), w: round(r.w), h: round(r.h) } })),
        })),
      },
    ],
  };
  writeFileSync(`${DIR}/newsletter.truth.json`, `${JSON.stringify({ files: ['newsletter.pdf'], truth }, null, 1)}\n`);
  console.log(`${DIR}/newsletter.pdf: ${articles.map((a) => `${a.headline} (${a.rects.length} pieces)`).join(', ')}`);
} finally {
  await browser.close();
}
