// Prints the ground truth of `e-paper import pdf` (scripts/pdf-variants.js) to PDF with the
// project's headless Chromium, as a layout system exports its pages: each page drawn by
// <e-paper-page> at its own size (one page unit = one CSS pixel = 0.75 pt) with the edition's
// web fonts embedded. Writes tests/fixtures/pdf/<name>.pdf (one file per page: A01.pdf, A02.pdf
// for several) and <name>.truth.json, the edition that was printed with its jump lines taken out.
//
//   node scripts/make-pdf-fixtures.mjs [name…]   (only the variants named, else all)
//
// Text in characters the edition's font slices lack (the advertisements') is set in the fonts
// fontconfig offers: run with FONTCONFIG_FILE naming a configuration with a CJK font (Noto CJK),
// as an advertisement comes to the paper in its agency's fonts.
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CHROME_FLAGS, findBrowser } from './find-browser.js';
import { pdfVariants } from './pdf-variants.js';

const SOURCE = 'demo/editions/zhuzhou-daily-2021-01-08.json';
const OUT = 'tests/fixtures/pdf';
// Where the printed editions are served from: beside the A1 edition, so its font paths hold.
const STAGE = 'demo/editions/.pdf-variants';

const a1 = JSON.parse(readFileSync(SOURCE, 'utf8'));

mkdirSync(OUT, { recursive: true });
mkdirSync(STAGE, { recursive: true });
const server = await createServer({ logLevel: 'error', server: { port: 0, open: false } });
await server.listen();
const browser = await chromium.launch({
  executablePath: await findBrowser(),
  args: [...CHROME_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
try {
  const only = process.argv.slice(2);
  for (const { name, edition: printed, truth, css } of pdfVariants(a1).filter((v) => !only.length || only.includes(v.name))) {
    const edition = printed;
    const fonts = edition.fonts?.map((font) => ({ ...font, src: `../${font.src}` }));
    writeFileSync(`${STAGE}/${name}.json`, JSON.stringify({ ...edition, fonts }));
    const files = [];
    for (const [index, sheet] of edition.pages.entries()) {
      const page = await browser.newPage({ viewport: { width: sheet.width, height: sheet.height } });
      const url = new URL(`scripts/render-page.html?edition=../${STAGE}/${name}.json&page=${index}&print`, server.resolvedUrls.local[0]);
      await page.goto(url.href);
      await page.evaluate(() => window.ePaperPageReady);
      if (css)
        await page.evaluate(async (text) => {
          const element = document.querySelector('e-paper-page');
          const style = document.createElement('style');
          style.textContent = text;
          element.shadowRoot.append(style);
          await document.fonts.ready;
        }, css);
      const file = edition.pages.length > 1 ? `${OUT}/${name}-${sheet.label.replace(/^A(\d)$/, 'A0$1')}.pdf` : `${OUT}/${name}.pdf`;
      await page.pdf({ path: file, width: `${sheet.width}px`, height: `${sheet.height}px`, printBackground: true, pageRanges: '1' });
      await page.close();
      files.push(file.slice(OUT.length + 1));
    }
    writeFileSync(`${OUT}/${name}.truth.json`, `${JSON.stringify({ files, truth }, null, 1)}\n`);
    console.log(`${OUT}/${name}: ${files.join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(STAGE, { recursive: true, force: true });
}
