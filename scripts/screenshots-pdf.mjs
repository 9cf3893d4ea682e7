// Screenshots of an A1 imported from its printed PDF (tests/fixtures/pdf/a1.pdf) in the viewer,
// at desktop and phone sizes: the scan page with its regions lit, a text selection on the page,
// and the reader. Imports into demo/editions/.pdf-a1/ (removed afterwards), then photographs.
//
//   node scripts/build-cli.mjs && node scripts/screenshots-pdf.mjs [out-dir]
import { execFileSync } from 'node:child_process';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CHROME_FLAGS, findBrowser } from './find-browser.js';

const outDir = process.argv[2] ?? 'demo/screenshots';
const stage = 'demo/editions/.pdf-a1';
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844, isMobile: true, deviceScaleFactor: 2 },
];

mkdirSync(outDir, { recursive: true });
rmSync(stage, { recursive: true, force: true });
execFileSync(process.execPath, [
  'dist/cli/e-paper.js',
  'import',
  'pdf',
  'tests/fixtures/pdf/a1.pdf',
  '--date',
  '2021-01-08',
  '--lang',
  'zh-CN',
  '-o',
  stage,
  '-q',
]);
// This machine has no CJK system fonts: lend the imported edition the typeset A1's web fonts (cut
// for the same text), as a publisher gives theirs with `e-paper fonts`.
const edition = JSON.parse(readFileSync(`${stage}/edition.json`, 'utf8'));
const a1 = JSON.parse(readFileSync('demo/editions/zhuzhou-daily-2021-01-08.json', 'utf8'));
edition.fonts = a1.fonts.map((font) => ({ ...font, src: `../${font.src}` }));
writeFileSync(`${stage}/edition.json`, JSON.stringify(edition));
const server = await createServer({ logLevel: 'error', server: { port: 0, open: false } });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: await findBrowser(),
  args: [...CHROME_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
const html = (src) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<script type="module" src="/src/index.ts"></script><style>body{margin:0}e-paper{display:block;height:100vh}</style></head>
<body><e-paper src="${src}" no-persist></e-paper></body></html>`;
try {
  for (const size of SIZES) {
    const page = await browser.newPage({
      viewport: { width: size.width, height: size.height },
      isMobile: size.isMobile ?? false,
      hasTouch: size.isMobile ?? false,
      deviceScaleFactor: size.deviceScaleFactor ?? 1,
    });
    page.on('console', (msg) => msg.type() === 'error' && console.error('page:', msg.text()));
    await page.route('**/pdf-shots.html', (route) => route.fulfill({ contentType: 'text/html', body: html(`/${stage}/edition.json`) }));
    await page.goto(new URL('/pdf-shots.html', base).href);
    const pageRoot = 'e-paper-page';
    await page.locator(`${pageRoot} .text-layer span`).first().waitFor();
    await page.waitForTimeout(800);
    // The regions: one lit as the pointer rests on it.
    const headline = page.locator(`${pageRoot} .text-layer span`, { hasText: '扶贫小车间' }).first();
    const box = await headline.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${outDir}/pdf-regions-${size.name}.png` });
    // A selection of page text, made as a reader makes it.
    const line = page.locator(`${pageRoot} .text-layer span`, { hasText: '中共中央政治局常务委员会召开会议' }).first();
    await line.evaluate((span) => {
      const range = document.createRange();
      range.selectNodeContents(span);
      const selection = span.getRootNode().getSelection?.() ?? document.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await page.screenshot({ path: `${outDir}/pdf-selection-${size.name}.png` });
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    // The reader, opened by a click on the article's headline on the page.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${outDir}/pdf-reader-${size.name}.png` });
    for (const shot of ['regions', 'selection', 'reader']) console.log(`${outDir}/pdf-${shot}-${size.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(stage, { recursive: true, force: true });
}
