// The bench's command line and settings: the options (see bench/README.md), the viewers and
// the scaling variants compared, and the constants of the interaction every viewer gets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_FLAGS } from '../scripts/find-browser.js';
import { ROOT } from './server.mjs';
import { SCALE_URLS } from './inputs-paths.mjs';

export const started = performance.now();
export const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string' },
    short: { type: 'boolean', default: false },
    'osd-png': { type: 'boolean', default: false },
    'no-trace': { type: 'boolean', default: false },
    out: { type: 'string' },
    build: { type: 'boolean', default: false },
    'scale-runs': { type: 'string' },
    'no-scale': { type: 'boolean', default: false },
    'scale-only': { type: 'boolean', default: false },
  },
});
export const SHORT = opts.short;
export const RUNS = SHORT ? 1 : Math.max(1, Number(opts.runs ?? 5) || 5);
export const WARMUP = SHORT ? 0 : 1;
export const TRACE = !opts['no-trace'];
export const SCALE = !opts['no-scale'];
export const PEERS = !opts['scale-only'];
/** Loads of each scaling variant per round: they are short, and a 10% criterion needs more than 5. */
export const SCALE_LOADS = Math.max(1, Number(opts['scale-runs'] ?? (SHORT ? 3 : 2)) || 2);
/** Issue 11: the first render no more than 10% slower than A1's. */
export const SCALE_LIMIT = 1.1;

export const VIEWPORT = { width: 1280, height: 900 };
/** Every viewer gets software compositing and CPU raster: no GPU, no WebGL, no SwiftShader. */
export const FLAGS = [...CHROME_FLAGS, '--disable-webgl'];
export const IGNORED_DEFAULTS = ['--enable-unsafe-swiftshader'];
export const PAGE = { width: 2000, height: 2860 };
/** "4×": four times the scale at which the whole page fits the 900 px height, the same magnification on screen for all. */
export const TARGET_SCALE = (4 * VIEWPORT.height) / PAGE.height;
export const ZOOM_POINT = { x: 640, y: 480 };
export const WHEEL_DELTA = -100;
export const WHEEL_INTERVAL = 50;
export const MAX_WHEEL_STEPS = 40;
export { STROKES, STROKE_MS, MOVE_MS } from './pan-strokes.mjs';
export const SETTLE_MS = 1000;
export const CLICK_ARTICLE = 'a2';
export const PERSIST_WAIT_MS = 800;
export const FRAME_LIMIT_MS = 33;

export const VIEWERS = [
  { id: 'e-paper', label: 'e-paper', path: '/bench/pages/e-paper.html', zoomModifiers: 2 /* Ctrl */, reload: true },
  { id: 'osd', label: 'OpenSeadragon', path: '/bench/pages/osd.html', zoomModifiers: 0 },
  { id: 'pdfjs', label: 'PDF.js', path: '/bench/pages/pdfjs.html', zoomModifiers: 0 },
];
if (opts['osd-png']) VIEWERS.push({ id: 'osd-png', label: 'OSD one PNG', path: '/bench/pages/osd.html?image=png', zoomModifiers: 0 });

/**
 * The scaling scenario (issue 11): e-paper's page with A1 (the baseline), with a 24-page edition
 * made from A1 as a publisher should serve it (page A1 in the edition, the other pages in page
 * files), the same 24 pages in one file (for reference: no target), and with A1 plus a 365-day
 * archive index. Only the load to `e-paper-ready` is measured. `edition` is what e-paper-ready
 * must name, so that a variant cannot pass by showing something else; `pageFiles` is where a
 * variant's page files are, to count those fetched before ready.
 */
export const SCALE_VARIANTS = [
  { id: 'a1', label: 'A1, 1 page', short: 'A1', query: '', edition: (id) => id === edition.id },
  {
    id: 'pages24',
    label: '24 pages in page files',
    short: '24p files',
    query: `?src=${SCALE_URLS.edition24}`,
    edition: (id) => id === `${edition.id}-test-24p`,
    pageFiles: SCALE_URLS.edition24.replace(/\.json$/, '/'),
  },
  {
    id: 'pages24OneFile',
    label: '24 pages, one file',
    short: '24p 1 file',
    query: `?src=${SCALE_URLS.edition24OneFile}`,
    edition: (id) => id === `${edition.id}-test-24p`,
    target: false,
  },
  {
    id: 'archive365',
    label: 'A1 + 365-day archive',
    short: 'archive',
    query: `?archive=${SCALE_URLS.archive365}`,
    edition: (id) => id === edition.id,
    archive: SCALE_URLS.archive365,
  },
];

export const STAMP = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*/, '') + (SHORT ? '-short' : '');
/** Screenshots of each viewer at 4×, after the first measured round's interaction. */
export const SCREENSHOTS = join(ROOT, 'bench/results', `${STAMP}-4x`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves with null after `ms`, without keeping the process alive. */
export const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms, null).unref());
export const log = (...args) => console.error(...args);
export const edition = JSON.parse(readFileSync(join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08.json'), 'utf8'));
export const probeOf = (id) => {
  const article = edition.articles.find((a) => a.id === id);
  return (article.paragraphs?.[0] ?? article.headline).slice(0, 12);
};
