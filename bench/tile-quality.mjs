// Tile bytes at equal quality (issue 22, item 2): for a scan, the bytes of the sharpest level's
// tiles in each encoding, and how close the tiles, decoded and put together, come to the source
// (SSIM of the luma, 8 × 8 windows every 4 px, mean over the image; and the largest colour error,
// so that a grey encoding never passes for a page with colour). The level is the one a 3× zoom
// shows on a 1280 × 900 screen: the full image (scale factor 1).
//
// The peer is what a site makes the standard way: sharp's `.tile()` with its defaults (Deep Zoom,
// 256 px tiles, no overlap, JPEG quality 80, baseline libjpeg settings), served to OpenSeadragon.
// Each of our encodings is searched for the lowest quality whose SSIM is at least the peer's, and
// its bytes are given against the peer's. The tiles are cut as the tiler cuts them (each tile its
// own file from the same pixels), so the bytes are those a reader would fetch for the whole level.
//
//   node bench/tile-quality.mjs [image …] [--json]
//
// Without an image: the demo's scan of A1 (2000 × 2860). A second, grey scan for the grey case:
// a page of a PDF rendered by our own import (not a real newspaper), e.g.
//   e-paper import pdf /usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf -o /tmp/spec \
//     --widths 2000 --image-format jpeg --quality 95 --single-file
// then node bench/tile-quality.mjs /tmp/spec/images/<page>-2000.jpg
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureInstalled } from '../scripts/on-demand.js';
import { ROOT } from './server.mjs';

const { values: opts, positionals } = parseArgs({
  options: { json: { type: 'boolean' }, width: { type: 'string' }, only: { type: 'string' }, qualities: { type: 'string' } },
  allowPositionals: true,
});
const images = positionals.length ? positionals : [join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08-scan/page-2000.jpg')];

const dir = join(ROOT, 'scripts/tiles');
ensureInstalled(dir, (line) => process.stderr.write(`${line}\n`));
const sharp = createRequire(join(dir, 'package.json'))('sharp');
// The tiler's own test of colour (src/cli/tiles/colour.ts), bundled for Node.
const colourModule = join(ROOT, 'node_modules/.cache/e-paper-bench/colour.mjs');
mkdirSync(join(colourModule, '..'), { recursive: true });
await build({
  entryPoints: [join(ROOT, 'src/cli/tiles/colour.ts')],
  bundle: true,
  format: 'esm',
  outfile: colourModule,
  logLevel: 'error',
});
const { hasColour } = await import(pathToFileURL(colourModule).href);

/** Luma (BT.601) of an RGB(A) raw buffer. */
function luma(data, channels, n) {
  const y = new Float64Array(n);
  if (channels < 3) for (let i = 0; i < n; i++) y[i] = data[i * channels];
  else for (let i = 0; i < n; i++) y[i] = 0.299 * data[i * channels] + 0.587 * data[i * channels + 1] + 0.114 * data[i * channels + 2];
  return y;
}

/** Mean SSIM over 8 × 8 windows every 4 px (constants of Wang et al. 2004, L = 255). */
function ssim(a, b, width, height) {
  const C1 = (0.01 * 255) ** 2;
  const C2 = (0.03 * 255) ** 2;
  let sum = 0;
  let count = 0;
  for (let y0 = 0; y0 + 8 <= height; y0 += 4)
    for (let x0 = 0; x0 + 8 <= width; x0 += 4) {
      let sa = 0,
        sb = 0,
        saa = 0,
        sbb = 0,
        sab = 0;
      for (let y = y0; y < y0 + 8; y++)
        for (let i = y * width + x0, end = i + 8; i < end; i++) {
          const p = a[i];
          const q = b[i];
          sa += p;
          sb += q;
          saa += p * p;
          sbb += q * q;
          sab += p * q;
        }
      const ma = sa / 64;
      const mb = sb / 64;
      const va = saa / 64 - ma * ma;
      const vb = sbb / 64 - mb * mb;
      const cov = sab / 64 - ma * mb;
      sum += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
      count++;
    }
  return sum / count;
}

/** The colour a pixel has (max − min of R, G, B): its largest loss, in the 99.9th percentile. */
function colourLoss(source, decoded, channels, n) {
  if (channels < 3) return 0;
  const losses = new Uint32Array(256);
  for (let i = 0; i < n; i++) {
    const s = source.subarray(i * 3, i * 3 + 3);
    const d = decoded.subarray(i * channels, i * channels + 3);
    const cs = Math.max(s[0], s[1], s[2]) - Math.min(s[0], s[1], s[2]);
    const cd = Math.max(d[0], d[1], d[2]) - Math.min(d[0], d[1], d[2]);
    losses[Math.max(0, cs - cd)]++;
  }
  let seen = 0;
  for (let v = 255; v >= 0; v--) if ((seen += losses[v]) > n * 0.001) return v;
  return 0;
}

/** The full image cut into `size` tiles, each encoded by `encode`; total bytes, tiles, and the tiles decoded into one RGB image. */
async function encodeLevel(raw, info, size, encode) {
  const { width, height } = info;
  const out = Buffer.alloc(width * height * 3);
  let bytes = 0;
  let tiles = 0;
  for (let y = 0; y < height; y += size)
    for (let x = 0; x < width; x += size) {
      const w = Math.min(size, width - x);
      const h = Math.min(size, height - y);
      const file = await encode(sharp(raw, { raw: info }).extract({ left: x, top: y, width: w, height: h })).toBuffer();
      bytes += file.length;
      tiles++;
      const decoded = await sharp(file).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
      const ch = decoded.info.channels;
      for (let row = 0; row < h; row++)
        for (let col = 0; col < w; col++) {
          const from = (row * w + col) * ch;
          const to = ((y + row) * width + x + col) * 3;
          out[to] = decoded.data[from];
          out[to + 1] = decoded.data[from + (ch >= 3 ? 1 : 0)];
          out[to + 2] = decoded.data[from + (ch >= 3 ? 2 : 0)];
        }
    }
  return { bytes, tiles, decoded: out };
}

/** Every encoding tried: name, tile size, qualities to search, and the sharp call for a quality. */
const ENCODINGS = (grey) => [
  { name: 'JPEG mozjpeg', size: 512, encode: (q) => (img) => img.jpeg({ quality: q, mozjpeg: true }) },
  { name: 'JPEG mozjpeg', size: 256, encode: (q) => (img) => img.jpeg({ quality: q, mozjpeg: true }) },
  { name: 'WebP', size: 512, encode: (q) => (img) => img.webp({ quality: q, effort: 6 }) },
  { name: 'WebP', size: 256, encode: (q) => (img) => img.webp({ quality: q, effort: 6 }) },
  { name: 'WebP', size: 1024, encode: (q) => (img) => img.webp({ quality: q, effort: 6 }) },
  { name: 'WebP text preset', size: 512, encode: (q) => (img) => img.webp({ quality: q, effort: 6, preset: 'text' }) },
  { name: 'AVIF', size: 512, encode: (q) => (img) => img.avif({ quality: q, effort: 4 }) },
  ...(grey
    ? [
        { name: 'JPEG mozjpeg grey', size: 512, encode: (q) => (img) => img.toColourspace('b-w').jpeg({ quality: q, mozjpeg: true }) },
        { name: 'WebP grey', size: 512, encode: (q) => (img) => img.toColourspace('b-w').webp({ quality: q, effort: 6 }) },
      ]
    : []),
];

const report = [];
for (const image of images) {
  // --width: the source made that wide first (a lossless master larger than the page's scan).
  const input = sharp(image).rotate();
  if (opts.width) input.resize({ width: Number(opts.width), kernel: 'lanczos3' });
  const { data: raw, info } = await input.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const n = info.width * info.height;
  const sourceLuma = luma(raw, 3, n);
  const grey = !hasColour(raw, 3);
  const score = async (size, encode) => {
    const level = await encodeLevel(raw, { width: info.width, height: info.height, channels: 3 }, size, encode);
    return {
      bytes: level.bytes,
      tiles: level.tiles,
      ssim: ssim(sourceLuma, luma(level.decoded, 3, n), info.width, info.height),
      colourLoss: colourLoss(raw, level.decoded, 3, n),
    };
  };
  process.stderr.write(`${image}: ${info.width} × ${info.height}, ${grey ? 'grey' : 'colour'}\n`);
  // The peer: sharp's tile() defaults (256 px, JPEG quality 80, libjpeg's baseline settings).
  const peer = {
    name: 'peer: Deep Zoom, sharp .tile() defaults (JPEG q80)',
    size: 256,
    quality: 80,
    ...(await score(256, (img) => img.jpeg())),
  };
  const rows = [peer];
  for (const encoding of ENCODINGS(grey).filter((e) => !opts.only || new RegExp(opts.only, 'i').test(`${e.name} ${e.size}`))) {
    // --qualities: each of those scored as it is.
    if (opts.qualities) {
      for (const q of opts.qualities.split(',').map(Number))
        rows.push({ name: encoding.name, size: encoding.size, quality: q, ...(await score(encoding.size, encoding.encode(q))) });
      continue;
    }
    // The lowest quality, in steps of 5 from 95 down, whose SSIM still reaches the peer's.
    let best;
    for (let q = 95; q >= 20; q -= 5) {
      const r = await score(encoding.size, encoding.encode(q));
      if (r.ssim < peer.ssim) break;
      best = { name: encoding.name, size: encoding.size, quality: q, ...r };
    }
    if (best) rows.push(best);
    else rows.push({ name: encoding.name, size: encoding.size, quality: 'none reaches the peer', bytes: NaN, ssim: NaN, colourLoss: NaN });
    process.stderr.write(`  ${encoding.name} ${encoding.size}: q${best?.quality}\n`);
  }
  report.push({ image, width: info.width, height: info.height, grey, rows });
}

if (opts.json) console.log(JSON.stringify(report, null, 2));
else
  for (const { image, width, height, grey, rows } of report) {
    const peer = rows[0];
    console.log(`\n${image.replace(ROOT + '/', '')} (${width} × ${height}, ${grey ? 'grey' : 'colour'}), the full level at equal SSIM\n`);
    console.log('| tiles | px | quality | kB | × peer | SSIM | colour lost |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.size} | ${r.quality} | ${(r.bytes / 1024).toFixed(1)} | ${(r.bytes / peer.bytes).toFixed(2)} | ${r.ssim.toFixed(4)} | ${r.colourLoss} |`,
      );
  }
