// A scan page zoomed to 3× and panned across (issue 22, item 2). One lossless master of the scan
// (the bench's own render of A1, bench/.cache/page.png, made 2000 × 2860 as the demo's scan is) is
// tiled twice into bench/.cache/scan-tiles/:
//
//   - by `e-paper tiles` as built (dist/cli), with its defaults: what e-paper's publisher serves;
//   - by sharp's `.tile()` with its defaults (Deep Zoom, 256 px JPEG tiles at quality 80, no
//     overlap): what a site serving the scan to OpenSeadragon makes the standard way (the peer).
//
// Three viewers, interleaved: e-paper on the first, OpenSeadragon on the second (pages/osd-iiif.html
// ?dzi=), and OpenSeadragon on e-paper's tiles (?service=; it reads their preferredFormats) for
// reference. Each load in a fresh context at 1280 × 900:
//
//   1. load, wait for the ready mark (e-paper-ready; OpenSeadragon fully loaded) and 500 ms;
//   2. wheel notches at the window's centre (e-paper: Ctrl+wheel) until the page shows at 3× the
//      fitted scale or more, then the viewer's own API sets exactly 3× about the same centre, so
//      all show the same part of the page at the same size;
//   3. three mouse drags of 1 s (60 moves a second), then 1 s to settle.
//
// Measured from the first notch: the image bytes the server sent (its own log), the frame
// intervals over 33 ms (requestAnimationFrame in the page), and in a second load of each viewer
// with a screencast, the frames that show a blank: the page's background is made magenta (under
// e-paper's images; OpenSeadragon's container), so a frame with more than 0.2 % of magenta pixels
// in the viewer's box shows part of the page with no image at all. Each viewer had its lower
// level in before the first notch (the ready mark). The bytes are against OpenSeadragon's on the
// Deep Zoom; the last row of the table is each pyramid's bytes in all.
//
//   node bench/scan-tiles.mjs [--runs N] [--short]
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_FLAGS, findBrowser } from '../scripts/find-browser.js';
import { ensureInstalled } from '../scripts/on-demand.js';
import { CACHE, makeInputs } from './make-inputs.mjs';
import { ensurePeers } from './peers.mjs';
import { STROKES, STROKE_MS, MOVE_MS } from './pan-strokes.mjs';
import { ROOT, startServer } from './server.mjs';

const { values: opts } = parseArgs({ options: { runs: { type: 'string' }, short: { type: 'boolean' } }, strict: false });
const RUNS = opts.short ? 1 : Math.max(1, Number(opts.runs ?? 3) || 3);
const VIEWPORT = { width: 1280, height: 900 };
const ZOOM = 3;
const CENTRE = { x: 640, y: 480 };
const BLANK_SHARE = 0.002;
const SCAN = 'demo/editions/zhuzhou-daily-2021-01-08-scan';
const DIR = join(CACHE, 'scan-tiles');
const EDITION = '/bench/.cache/scan-tiles/edition.json';

const osd = (query) => ({
  path: `/bench/pages/osd-iiif.html?${query}`,
  modifiers: 0,
  css: '#viewer { background: #ff00ff !important; }',
  zoom: () => window.viewer.viewport.getZoom(true) / window.viewer.viewport.getHomeZoom(),
  setZoom: (factor) => window.viewer.viewport.zoomTo(window.viewer.viewport.getHomeZoom() * factor, null, true),
  box: () => ({ x: 0, y: 0, w: innerWidth, h: innerHeight }),
});

const VIEWERS = {
  'e-paper': {
    path: `/bench/pages/e-paper.html?src=${EDITION}`,
    modifiers: 2,
    css: 'e-paper { --e-paper-paper: #ff00ff; }',
    zoom: () => {
      const vp = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-viewport');
      return vp.scale / vp.minScale;
    },
    setZoom: (factor) => {
      const vp = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-viewport');
      vp.zoomTo(vp.minScale * factor, vp.center, { animate: false });
    },
    box: () => {
      const r = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-viewport').getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    },
  },
  osd: osd('dzi=/bench/.cache/scan-tiles/peer.dzi'),
  'osd-ours': osd('service=/bench/.cache/scan-tiles/tiles/A1'),
};
const IDS = Object.keys(VIEWERS);

let sharp;
function loadSharp() {
  if (!sharp) {
    const dir = join(ROOT, 'scripts/tiles');
    ensureInstalled(dir, (line) => process.stderr.write(`${line}\n`));
    sharp = createRequire(join(dir, 'package.json'))('sharp');
  }
  return sharp;
}

/**
 * The two pyramids of one lossless master: e-paper's (the command as built, its defaults) with an
 * edition that shows the demo's small image under them, and the peer's Deep Zoom.
 */
async function makePyramids() {
  const sharp = loadSharp();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const { width, height } = JSON.parse(readFileSync(join(ROOT, SCAN, '../zhuzhou-daily-2021-01-08-scan.json'), 'utf8')).pages[0].scan;
  await sharp(join(CACHE, 'page.png')).resize({ width, height, kernel: 'lanczos3' }).png().toFile(join(DIR, 'master.png'));
  await sharp(join(DIR, 'master.png')).tile().toFile(join(DIR, 'peer.dz'));
  const edition = JSON.parse(readFileSync(join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08-scan-tiles/edition.json'), 'utf8'));
  const page = (scan) => ({ ...edition, pages: [{ ...edition.pages[0], scan }] });
  const small = edition.pages[0].scan.srcset.map((s) => ({ ...s, src: `/${SCAN}/${s.src.split('/').at(-1)}` }));
  writeFileSync(join(DIR, 'edition.json'), JSON.stringify(page({ src: 'master.png', width, height, srcset: small })));
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, ['dist/cli/e-paper.js', 'tiles', join(DIR, 'edition.json'), '-q'], { cwd: ROOT, stdio: 'inherit' });
  // The whole image the edition names is never fetched with tiles; the demo's, not the 10 MB master.
  const tiled = JSON.parse(readFileSync(join(DIR, 'edition.json'), 'utf8'));
  writeFileSync(join(DIR, 'edition.json'), JSON.stringify(page({ ...tiled.pages[0].scan, src: `/${SCAN}/page-${width}.jpg` })));
  const dirBytes = (folder, match) =>
    execFileSync('find', [folder, '-type', 'f', '-name', match, '-printf', '%s\n'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .reduce((sum, n) => sum + Number(n), 0);
  return {
    format: tiled.pages[0].scan.tiles.format ?? 'jpg',
    ours: dirBytes(join(DIR, 'tiles'), 'default.*'),
    peer: dirBytes(join(DIR, 'peer_files'), '*.jpeg'),
  };
}

const FRAMES_SCRIPT = () => {
  window.__frames = [];
  const tick = (t) => {
    if (window.__recording) window.__frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function load(browser, server, id, { screencast }) {
  const viewer = VIEWERS[id];
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(FRAMES_SCRIPT);
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(server.origin + viewer.path);
    await page.waitForFunction(() => performance.getEntriesByName('ready').length > 0, null, { timeout: 60_000 });
    await page.addStyleTag({ content: viewer.css });
    await sleep(500);
    const box = await page.evaluate(viewer.box);
    const shots = [];
    if (screencast) {
      cdp.on('Page.screencastFrame', ({ data, sessionId, metadata }) => {
        shots.push({ data, metadata });
        void cdp.send('Page.screencastFrameAck', { sessionId }).catch(() => {});
      });
      await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 80, everyNthFrame: 1 });
    }
    const logStart = server.log.length;
    await page.evaluate(() => (window.__recording = true));
    let notches = 0;
    await page.mouse.move(CENTRE.x, CENTRE.y);
    while ((await page.evaluate(viewer.zoom)) < ZOOM && notches < 20) {
      await cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseWheel',
        x: CENTRE.x,
        y: CENTRE.y,
        deltaX: 0,
        deltaY: -100,
        modifiers: viewer.modifiers,
      });
      notches++;
      await sleep(50);
    }
    await page.evaluate(viewer.setZoom, ZOOM);
    await sleep(300);
    const zoom = await page.evaluate(viewer.zoom);
    for (const [from, to] of STROKES) {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      const moves = Math.round(STROKE_MS / MOVE_MS);
      for (let i = 1; i <= moves; i++) {
        await page.mouse.move(from.x + ((to.x - from.x) * i) / moves, from.y + ((to.y - from.y) * i) / moves);
        await sleep(MOVE_MS);
      }
      await page.mouse.up();
    }
    await sleep(1000);
    const frames = await page.evaluate(() => ((window.__recording = false), window.__frames));
    if (screencast) await cdp.send('Page.stopScreencast');
    const images = server.log.slice(logStart).filter((r) => /\.(jpe?g|png|webp)$/i.test(new URL(r.url, server.origin).pathname));
    const intervals = frames.slice(1).map((t, i) => t - frames[i]);
    return {
      viewer: id,
      notches,
      zoom,
      imageBytes: images.reduce((sum, r) => sum + r.bytes, 0),
      imageRequests: images.length,
      over33: intervals.filter((d) => d > 33).length,
      longest: Math.max(0, ...intervals),
      frames: intervals.length,
      ...(screencast && { blank: await blankFrames(shots, box) }),
    };
  } finally {
    await context.close();
  }
}

/** Frames of the screencast with more than BLANK_SHARE magenta pixels in the viewer's box. */
async function blankFrames(shots, box) {
  const sharp = loadSharp();
  let blank = 0;
  let worst = 0;
  for (const { data } of shots) {
    const { data: px, info } = await sharp(Buffer.from(data, 'base64')).raw().toBuffer({ resolveWithObject: true });
    const sx = info.width / VIEWPORT.width;
    const sy = info.height / VIEWPORT.height;
    const [x0, y0] = [Math.max(0, Math.floor(box.x * sx)), Math.max(0, Math.floor(box.y * sy))];
    const [x1, y1] = [Math.min(info.width, Math.floor((box.x + box.w) * sx)), Math.min(info.height, Math.floor((box.y + box.h) * sy))];
    let magenta = 0;
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const i = (y * info.width + x) * info.channels;
        if (px[i] > 180 && px[i + 1] < 90 && px[i + 2] > 180) magenta++;
      }
    const share = magenta / Math.max(1, (x1 - x0) * (y1 - y0));
    worst = Math.max(worst, share);
    if (share > BLANK_SHARE) blank++;
  }
  return { frames: shots.length, blank, worst };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

ensurePeers((line) => process.stderr.write(`${line}\n`));
const server = await startServer();
const browser = await chromium.launch({
  executablePath: await findBrowser(),
  args: [...CHROME_FLAGS, '--disable-webgl'],
  ignoreDefaultArgs: ['--enable-unsafe-swiftshader'],
});
const results = [];
let pyramids;
try {
  await makeInputs({ browser, origin: server.origin, log: (line) => process.stderr.write(`${line}\n`) });
  pyramids = await makePyramids();
  for (let run = 0; run < RUNS; run++)
    for (const screencast of [false, true])
      for (const id of IDS.map((_, i) => IDS[(i + run) % IDS.length])) {
        process.stderr.write(`scan tiles: run ${run + 1}/${RUNS}, ${id}${screencast ? ', screencast' : ''}\n`);
        results.push({ run, screencast, ...(await load(browser, server, id, { screencast })) });
      }
} finally {
  await browser.close();
  await server.close();
}

const of = (id, key, screencast = false) => results.filter((r) => r.viewer === id && r.screencast === screencast).map(key);
const rows = [
  ['image kB during zoom and pan', (id) => median(of(id, (r) => r.imageBytes / 1024)).toFixed(1)],
  ['image requests', (id) => median(of(id, (r) => r.imageRequests))],
  ['frame intervals > 33 ms', (id) => median(of(id, (r) => r.over33))],
  ['longest frame interval (ms)', (id) => median(of(id, (r) => r.longest)).toFixed(0)],
  ['zoom reached (× fit)', (id) => median(of(id, (r) => r.zoom)).toFixed(2)],
  [
    'frames showing a blank (screencast)',
    (id) => `${median(of(id, (r) => r.blank.blank, true))} of ${median(of(id, (r) => r.blank.frames, true))}`,
  ],
];
const lines = [
  `| scan page at 3×, panned | e-paper (its ${pyramids.format} tiles) | OpenSeadragon (Deep Zoom, sharp's defaults) | OpenSeadragon on e-paper's tiles |`,
  '| --- | --- | --- | --- |',
  ...rows.map(([name, f]) => `| ${name} | ${IDS.map(f).join(' | ')} |`),
  `| all tiles of the pyramid, kB | ${(pyramids.ours / 1024).toFixed(1)} | ${(pyramids.peer / 1024).toFixed(1)} | ${(pyramids.ours / 1024).toFixed(1)} |`,
];
const bytesRatio = median(of('e-paper', (r) => r.imageBytes)) / median(of('osd', (r) => r.imageBytes));
const framesOk = median(of('e-paper', (r) => r.over33)) <= median(of('osd', (r) => r.over33));
const blankOk = of('e-paper', (r) => r.blank.blank, true).every((n) => n === 0);
lines.push(
  '',
  `- bytes ${bytesRatio.toFixed(2)}× OpenSeadragon's (target ≤ 0.5): ${bytesRatio <= 0.5 ? 'met' : 'MISS'}`,
  `- frame intervals over 33 ms no more than OpenSeadragon's: ${framesOk ? 'met' : 'MISS'}`,
  `- no frame showing a blank after the lower level has arrived: ${blankOk ? 'met' : 'MISS'}`,
  `(${RUNS} run(s); medians)`,
);
console.log(lines.join('\n'));
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
const out = join(ROOT, `bench/results/scan-tiles-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ results, pyramids, bytesRatio }, null, 2));
process.stderr.write(`raw figures: ${out}\n`);
