// Makes the peers' inputs from our own A1 page, so that all three viewers show the same page:
//   bench/.cache/page.png        the typeset page, screenshot of the production build's sheet at
//                                deviceScaleFactor 1.8 (2000 × 2860 page units → 3600 × 5148 px)
//   bench/.cache/page.dzi        a Deep Zoom pyramid of it (254 px JPEG tiles, overlap 1, q 0.8),
//   bench/.cache/page_files/     cut by Chromium's own canvas: no image library needed
//   bench/.cache/page.pdf        Chromium's print of the same sheet at its page size, fonts embedded
//   bench/.cache/articles.json   the article rectangles (page units and image px) and the
//                                articles' text, for the peers' hotspots and panels
//   bench/.cache/pdfjs/          PDF.js's viewer components, minified as a site's bundler would
// They are remade only when the bundle (dist/e-paper.js and its parts in dist/e-paper-parts/),
// the edition (or its fonts) or this script change. The bundle itself is not copied: the bench
// server serves dist/ as it is, so the entry loads its parts from /dist/e-paper-parts/ on demand.
//
// For the scaling scenario (issue 11), made on every run (a few ms, no browser):
//   bench/.cache/scale/edition-24p.json   a 24-page edition made from A1 (scripts/editions-from-a1.js),
//   bench/.cache/scale/edition-24p/       split as a publisher should serve it: this manifest with
//                                         page A1 inline, and pages A2…A24 in page files A2.json…
//   bench/.cache/scale/edition-24p-one-file.json   the same 24 pages in one file, for comparison
//   bench/.cache/scale/archive-365.json   an archive index of 365 days ending on A1's date, every
//                                         entry pointing at the A1 edition
//   bench/.cache/scale/zhuzhou-daily-2021-01-08/fonts/   a copy of A1's fonts, so that the 24-page
//                                         editions' relative font paths resolve as A1's do
//
// node bench/make-inputs.mjs [--force]   (run.mjs calls makeInputs() itself)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, startServer } from './server.mjs';
import { PEERS, ensurePeers } from './peers.mjs';
import { CACHE, EDITION_FILE, FONTS_DIR } from './inputs-paths.mjs';
import { makeScaleInputs } from './make-scale-inputs.mjs';

export { CACHE, EDITION_URL, SCALE_DIR, SCALE_URLS } from './inputs-paths.mjs';

const BUNDLE = join(ROOT, 'dist/e-paper.js');
/** The entry's lazy parts (reader, page strip, search, archive), fetched from beside it on demand. */
const PARTS_DIR = join(ROOT, 'dist/e-paper-parts');
/** The sheet's page units become this many image pixels: 2000 × 2860 → 3600 × 5148. */
export const IMAGE_SCALE = 1.8;
const TILE_SIZE = 254;
const TILE_OVERLAP = 1;
const TILE_QUALITY = 0.8;

function inputsKey() {
  const hash = createHash('sha256');
  for (const file of [BUNDLE, EDITION_FILE, fileURLToPath(import.meta.url), join(ROOT, 'bench/pages/sheet.html')]) {
    hash.update(readFileSync(file));
  }
  for (const name of readdirSync(FONTS_DIR).sort()) hash.update(name).update(readFileSync(join(FONTS_DIR, name)));
  for (const name of bundleParts()) hash.update(name).update(readFileSync(join(PARTS_DIR, name)));
  for (const dir of [join(PEERS, 'pdfjs-dist'), join(ROOT, 'node_modules/esbuild')])
    hash.update(JSON.parse(readFileSync(join(dir, 'package.json'))).version);
  return hash.digest('hex');
}

/** The file names of the bundle's lazy parts (none for a build without them). */
export function bundleParts() {
  return existsSync(PARTS_DIR)
    ? readdirSync(PARTS_DIR)
        .filter((name) => name.endsWith('.js'))
        .sort()
    : [];
}

/** The articles' rectangles in reading order: the page's regions, else its article blocks. */
function articleRects(page) {
  const rects = [];
  if (page.regions?.length) {
    for (const region of page.regions) {
      for (const shape of region.shapes ?? []) {
        if (shape.rect) rects.push({ articleId: region.article, ...shape.rect });
        else if (shape.polygon) {
          const xs = shape.polygon.map((p) => p.x ?? p[0]);
          const ys = shape.polygon.map((p) => p.y ?? p[1]);
          const x = Math.min(...xs);
          const y = Math.min(...ys);
          rects.push({ articleId: region.article, x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y });
        }
      }
    }
  }
  if (!rects.length) {
    for (const block of page.blocks ?? []) if (block.kind === 'article') rects.push({ articleId: block.article, ...block.rect });
  }
  return rects;
}

function writeArticles(edition) {
  const page = edition.pages[0];
  const rects = articleRects(page).map((r) => ({
    articleId: r.articleId,
    page: { x: r.x, y: r.y, w: r.w, h: r.h },
    image: { x: r.x * IMAGE_SCALE, y: r.y * IMAGE_SCALE, w: r.w * IMAGE_SCALE, h: r.h * IMAGE_SCALE },
  }));
  const articles = edition.articles.map(({ id, banner, kicker, headline, subheads, bylines, paragraphs }) => ({
    id,
    banner,
    kicker,
    headline,
    subheads,
    bylines,
    paragraphs,
  }));
  const out = {
    editionId: edition.id,
    lang: edition.lang,
    page: { width: page.width, height: page.height },
    image: { width: Math.round(page.width * IMAGE_SCALE), height: Math.round(page.height * IMAGE_SCALE), scale: IMAGE_SCALE },
    rects,
    articles,
  };
  writeFileSync(join(CACHE, 'articles.json'), JSON.stringify(out));
  return out;
}

async function minifyPdfViewer() {
  const { transform } = await import('esbuild');
  const web = join(PEERS, 'pdfjs-dist/web');
  mkdirSync(join(CACHE, 'pdfjs'), { recursive: true });
  const js = await transform(readFileSync(join(web, 'pdf_viewer.mjs'), 'utf8'), {
    loader: 'js',
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
  });
  writeFileSync(join(CACHE, 'pdfjs/pdf_viewer.min.mjs'), js.code);
  const css = await transform(readFileSync(join(web, 'pdf_viewer.css'), 'utf8'), { loader: 'css', minify: true, legalComments: 'none' });
  // Its images stay where the package has them.
  writeFileSync(
    join(CACHE, 'pdfjs/pdf_viewer.min.css'),
    css.code.replace(/url\((["']?)images\//g, 'url($1/node_modules/pdfjs-dist/web/images/'),
  );
}

/** Screenshot (PNG) and print (PDF) of the sheet at 100%, drawn by the production build. */
async function renderSheet(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 2000, height: 2860 }, deviceScaleFactor: IMAGE_SCALE });
  try {
    const page = await context.newPage();
    page.on('console', (msg) => msg.type() === 'error' && console.error('sheet page:', msg.text()));
    await page.addInitScript(() => {
      window.__ready = new Promise((resolve) => document.addEventListener('e-paper-ready', resolve, { once: true }));
    });
    await page.goto(`${origin}/bench/pages/sheet.html`);
    const ready = await Promise.race([
      page.evaluate(() => window.__ready).then(() => true),
      new Promise((resolve) => setTimeout(resolve, 20000, false).unref()),
    ]);
    if (!ready) throw new Error('the sheet page never fired e-paper-ready');
    await page.evaluate(() => document.fonts.ready);
    // Only the page: hide the viewer's own chrome (toolbar, buttons) around the viewport, then size
    // the viewer so that the viewport's box is the page's size: the page fits it at exactly 100%.
    await page.evaluate(async () => {
      const viewer = document.querySelector('e-paper');
      const viewport = viewer.shadowRoot.querySelector('e-paper-viewport');
      for (let node = viewport; node && node !== viewer.shadowRoot; node = node.parentNode) {
        for (const sibling of node.parentNode?.children ?? [])
          if (sibling !== node) sibling.style.setProperty('display', 'none', 'important');
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const outer = viewer.getBoundingClientRect();
      const inner = viewport.getBoundingClientRect();
      viewer.style.width = `${2000 + outer.width - inner.width}px`;
      viewer.style.height = `${2860 + outer.height - inner.height}px`;
      viewer.style.marginLeft = `${outer.left - inner.left}px`;
      viewer.style.marginTop = `${outer.top - inner.top}px`;
      for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      viewport.fit?.('page', { animate: false });
      for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    });
    // Playwright's CSS engine pierces open shadow roots.
    const sheet = page.locator('[part~="page"]').first();
    const box = await sheet.boundingBox();
    if (!box || Math.abs(box.width - 2000) > 0.5 || Math.abs(box.height - 2860) > 0.5 || Math.abs(box.x) > 0.5 || Math.abs(box.y) > 0.5) {
      throw new Error(`the sheet is not at 100% in the top-left corner: ${JSON.stringify(box)}`);
    }
    await page.mouse.move(1999, 2859); // off every article, so no hover tint or tooltip
    await page.screenshot({ path: join(CACHE, 'page.png'), clip: { x: 0, y: 0, width: 2000, height: 2860 }, animations: 'disabled' });
    await page.pdf({
      path: join(CACHE, 'page.pdf'),
      width: '2000px',
      height: '2860px',
      printBackground: true,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      pageRanges: '1',
    });
  } finally {
    await context.close();
  }
}

/** Cuts page.png into a Deep Zoom pyramid with a canvas in Chromium. */
async function makeTiles(browser, origin, image) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/bench/pages/tiler.html`);
    const { width, height } = image;
    const maxLevel = Math.ceil(Math.log2(Math.max(width, height)));
    rmSync(join(CACHE, 'page_files'), { recursive: true, force: true });
    // Levels from the full size down, each drawn from the one above with high-quality smoothing.
    await page.evaluate(
      async ({ url, maxLevel }) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const levels = new Map();
        let source = img;
        for (let level = maxLevel; level >= 0; level--) {
          const factor = 2 ** (maxLevel - level);
          const w = Math.max(1, Math.ceil(img.naturalWidth / factor));
          const h = Math.max(1, Math.ceil(img.naturalHeight / factor));
          const canvas = new OffscreenCanvas(w, h);
          const ctx = canvas.getContext('2d');
          ctx.imageSmoothingEnabled = true;
          ctx.imageSmoothingQuality = 'high';
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, w, h);
          ctx.drawImage(source, 0, 0, w, h);
          levels.set(level, canvas);
          source = canvas;
        }
        window.__levels = levels;
      },
      { url: `${origin}/bench/.cache/page.png`, maxLevel },
    );
    let count = 0;
    let bytes = 0;
    for (let level = maxLevel; level >= 0; level--) {
      const tiles = await page.evaluate(
        async ({ level, size, overlap, quality }) => {
          const canvas = window.__levels.get(level);
          const cols = Math.ceil(canvas.width / size);
          const rows = Math.ceil(canvas.height / size);
          const out = [];
          for (let c = 0; c < cols; c++) {
            for (let r = 0; r < rows; r++) {
              const x = c * size - (c > 0 ? overlap : 0);
              const y = r * size - (r > 0 ? overlap : 0);
              const w = Math.min(canvas.width, (c + 1) * size + overlap) - x;
              const h = Math.min(canvas.height, (r + 1) * size + overlap) - y;
              const tile = new OffscreenCanvas(w, h);
              tile.getContext('2d').drawImage(canvas, x, y, w, h, 0, 0, w, h);
              const blob = await tile.convertToBlob({ type: 'image/jpeg', quality });
              const data = new Uint8Array(await blob.arrayBuffer());
              let binary = '';
              for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
              out.push({ c, r, b64: btoa(binary) });
            }
          }
          return out;
        },
        { level, size: TILE_SIZE, overlap: TILE_OVERLAP, quality: TILE_QUALITY },
      );
      const dir = join(CACHE, 'page_files', String(level));
      mkdirSync(dir, { recursive: true });
      for (const { c, r, b64 } of tiles) {
        const data = Buffer.from(b64, 'base64');
        writeFileSync(join(dir, `${c}_${r}.jpeg`), data);
        count++;
        bytes += data.length;
      }
    }
    writeFileSync(
      join(CACHE, 'page.dzi'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<Image xmlns="http://schemas.microsoft.com/deepzoom/2008" Format="jpeg" Overlap="${TILE_OVERLAP}" TileSize="${TILE_SIZE}">\n  <Size Width="${width}" Height="${height}"/>\n</Image>\n`,
    );
    return { levels: maxLevel + 1, tiles: count, bytes };
  } finally {
    await context.close();
  }
}

function pngSize(file) {
  const data = readFileSync(file);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/**
 * Makes the inputs unless bench/.cache already has them for this bundle and edition. `browser`
 * is a launched playwright-core Chromium, `origin` the bench server's (both started here when
 * absent). Returns the manifest written to bench/.cache/inputs.json.
 */
export async function makeInputs({ browser, origin, force = false, log = console.error } = {}) {
  if (!existsSync(BUNDLE)) throw new Error('dist/e-paper.js is missing: run `node scripts/build.mjs` first.');
  ensurePeers(log);
  const key = inputsKey();
  const manifestFile = join(CACHE, 'inputs.json');
  mkdirSync(CACHE, { recursive: true });
  const scale = makeScaleInputs();
  const parts = bundleParts();
  if (!force && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const files = ['page.png', 'page.pdf', 'page.dzi', 'articles.json', 'pdfjs/pdf_viewer.min.mjs', 'pdfjs/pdf_viewer.min.css'];
    if (manifest.key === key && files.every((f) => existsSync(join(CACHE, f)))) return { ...manifest, bundleParts: parts, scale };
  }
  const started = performance.now();
  let ownBrowser;
  let ownServer;
  try {
    if (!origin) {
      ownServer = await startServer();
      origin = ownServer.origin;
    }
    if (!browser) {
      const { chromium } = await import('playwright-core');
      const { CHROME_FLAGS, findBrowser } = await import('../scripts/find-browser.js');
      ownBrowser = await chromium.launch({ executablePath: await findBrowser(), args: [...CHROME_FLAGS, '--disable-webgl'] });
      browser = ownBrowser;
    }
    log('bench: making the inputs from the A1 page (bench/.cache/) …');
    const edition = JSON.parse(readFileSync(EDITION_FILE, 'utf8'));
    const articles = writeArticles(edition);
    await minifyPdfViewer();
    await renderSheet(browser, origin);
    const image = pngSize(join(CACHE, 'page.png'));
    if (image.width !== articles.image.width || image.height !== articles.image.height) {
      throw new Error(`page.png is ${image.width}×${image.height}, expected ${articles.image.width}×${articles.image.height}`);
    }
    const tiles = await makeTiles(browser, origin, image);
    const pdf = readFileSync(join(CACHE, 'page.pdf'));
    const manifest = {
      key,
      made: new Date().toISOString(),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      png: { ...image, bytes: readFileSync(join(CACHE, 'page.png')).length },
      dzi: { tileSize: TILE_SIZE, overlap: TILE_OVERLAP, quality: TILE_QUALITY, ...tiles },
      pdf: { bytes: pdf.length, embeddedFonts: (pdf.toString('latin1').match(/\/FontFile[23]?\b/g) ?? []).length },
      rects: articles.rects.length,
    };
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    log(
      `bench: inputs made in ${manifest.seconds} s: PNG ${image.width}×${image.height}, ${tiles.tiles} tiles in ${tiles.levels} levels, PDF ${(pdf.length / 1024).toFixed(0)} KB`,
    );
    return { ...manifest, bundleParts: parts, scale };
  } finally {
    await ownBrowser?.close();
    await ownServer?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const manifest = await makeInputs({ force: process.argv.includes('--force') });
  console.log(JSON.stringify(manifest, null, 2));
}
