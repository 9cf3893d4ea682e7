// Screenshots of an A1 imported from its printed PDF (tests/fixtures/pdf/a1.pdf) in the viewer,
// at desktop and phone sizes: the scan page with its regions lit, a text selection on the page,
// and the reader. Imports into demo/editions/.pdf-a1/ (removed afterwards), then photographs.
//
//   node scripts/build-cli.mjs && node scripts/screenshots-pdf.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { screenshotSession, sizes } from './screenshot-session.mjs';

const stage = 'demo/editions/.pdf-a1';

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
const { open, base, shoot, close } = await screenshotSession({ settle: 0 });
const html = (src) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<script type="module" src="/src/index.ts"></script><style>body{margin:0}e-paper{display:block;height:100vh}</style></head>
<body><e-paper src="${src}" no-persist></e-paper></body></html>`;
try {
  for (const size of sizes({ desktop: [1440, 900] })) {
    const page = await open(size);
    await page.route('**/pdf-shots.html', (route) => route.fulfill({ contentType: 'text/html', body: html(`/${stage}/edition.json`) }));
    await page.goto(new URL('/pdf-shots.html', base).href);
    const pageRoot = 'e-paper-page';
    await page.locator(`${pageRoot} .text-layer span`).first().waitFor();
    await page.waitForTimeout(800);
    // The regions: one lit as the pointer rests on it.
    const headline = page.locator(`${pageRoot} .text-layer span`, { hasText: '扶贫小车间' }).first();
    const box = await headline.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await shoot(page, `pdf-regions-${size.name}`, 300);
    // A selection of page text, made as a reader makes it.
    const line = page.locator(`${pageRoot} .text-layer span`, { hasText: '中共中央政治局常务委员会召开会议' }).first();
    await line.evaluate((span) => {
      const range = document.createRange();
      range.selectNodeContents(span);
      const selection = span.getRootNode().getSelection?.() ?? document.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await shoot(page, `pdf-selection-${size.name}`);
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    // The reader, opened by a click on the article's headline on the page.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await shoot(page, `pdf-reader-${size.name}`, 1200);
    await page.context().close();
  }
} finally {
  await close();
  rmSync(stage, { recursive: true, force: true });
}
