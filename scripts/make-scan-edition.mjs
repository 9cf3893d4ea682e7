// Makes the demo's scan edition from our own typeset A1 page, so the demo and the tests need
// nothing from outside: the page drawn by <e-paper-page> is photographed at two sizes (a small
// preview and a sharp image) and an edition that shows those images, with the same articles and
// regions, is written beside the typeset one.
//
// Beside it, the same page with tiles (`e-paper tiles`, IIIF level 0) in a folder of its own:
// what a zoomed-in scan page fetches.
//
//   node scripts/make-scan-edition.mjs               both
//   node scripts/make-scan-edition.mjs --tiles-only  the tiled copy of the scan edition there is
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CHROME_FLAGS, findBrowser } from './find-browser.js';

const SOURCE = 'demo/editions/zhuzhou-daily-2021-01-08.json';
const NAME = 'zhuzhou-daily-2021-01-08-scan';
const WIDTHS = [500, 2000];

const TILED = `demo/editions/${NAME}-tiles`;

if (!process.argv.includes('--tiles-only')) await makeScan();
makeTiled();

async function makeScan() {
  const { createServer } = await import('vite');
  const { chromium } = await import('playwright-core');
  const typeset = JSON.parse(readFileSync(SOURCE, 'utf8'));
  const sheet = typeset.pages[0];
  mkdirSync(`demo/editions/${NAME}`, { recursive: true });

  let regions;
  const server = await createServer({ logLevel: 'error', server: { port: 0, open: false } });
  await server.listen();
  const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS });
  try {
    for (const width of WIDTHS) {
      const scale = width / sheet.width;
      const page = await browser.newPage({ viewport: { width: sheet.width, height: sheet.height }, deviceScaleFactor: scale });
      await page.goto(new URL('scripts/render-page.html', server.resolvedUrls.local[0]).href);
      await page.evaluate(() => window.ePaperPageReady);
      regions = await page.evaluate(() => window.pageRegions);
      await page.locator('e-paper-page').screenshot({ path: `demo/editions/${NAME}/page-${width}.jpg`, type: 'jpeg', quality: 82 });
      await page.close();
      console.log(`demo/editions/${NAME}/page-${width}.jpg`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const edition = {
    ...typeset,
    id: NAME,
    fonts: undefined,
    pages: [
      {
        id: sheet.id,
        label: sheet.label,
        section: sheet.section,
        width: sheet.width,
        height: sheet.height,
        scan: {
          src: `${NAME}/page-${WIDTHS.at(-1)}.jpg`,
          width: WIDTHS.at(-1),
          height: Math.round((WIDTHS.at(-1) * sheet.height) / sheet.width),
          srcset: WIDTHS.slice(0, -1).map((width) => ({ src: `${NAME}/page-${width}.jpg`, width })),
        },
        regions,
      },
    ],
  };
  writeFileSync(`demo/editions/${NAME}.json`, JSON.stringify(edition, null, 2) + '\n');
  console.log(`demo/editions/${NAME}.json`);
}

/** The scan edition with its page's images named from a folder of its own, then `e-paper tiles` on it. */
function makeTiled() {
  const scan = JSON.parse(readFileSync(`demo/editions/${NAME}.json`, 'utf8'));
  const up = (src) => `../${src}`;
  const pages = scan.pages.map((page) => ({
    ...page,
    scan: { ...page.scan, src: up(page.scan.src), srcset: page.scan.srcset?.map((s) => ({ ...s, src: up(s.src) })), tiles: undefined },
  }));
  rmSync(TILED, { recursive: true, force: true });
  mkdirSync(TILED, { recursive: true });
  writeFileSync(`${TILED}/edition.json`, JSON.stringify({ ...scan, id: `${NAME}-tiles`, pages }, null, 2) + '\n');
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['dist/cli/e-paper.js', 'tiles', `${TILED}/edition.json`], { stdio: 'inherit' });
}
