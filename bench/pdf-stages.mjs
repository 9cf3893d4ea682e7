// The stages of `e-paper import pdf` on one page, each timed apart (processor s, all threads, and
// wall s; the median of --runs, default 3): loading the packages, opening the PDF, its text, its
// operators (rules, boxes, images) asked for apart, drawing the largest width, reading the page
// as the command does (text, and the operators the drawing used), encoding the widths with each
// encoder (the canvas's own WebP, libwebp's method 4; sharp's WebP at efforts 0–4; the canvas's
// JPEG), with the bytes each writes, reading the page with its operators asked for again (as the
// command did before src/cli/pdf/drawn-operators.ts), and the detection. On a shared machine the processor time
// is the measure; the wall time shows the load. Bundles the command's modules from src/ first.
//
//   node bench/pdf-stages.mjs [--runs N] [--quality Q] [fixture.pdf]
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('..', import.meta.url).pathname;
const { values, positionals } = parseArgs({
  options: { runs: { type: 'string' }, quality: { type: 'string' } },
  allowPositionals: true,
});
const runs = Math.max(1, Number(values.runs ?? 3) || 3);
const quality = Number(values.quality ?? 80);
const file = positionals[0] ?? join(ROOT, 'tests/fixtures/pdf/a1.pdf');
const WIDTHS = [2000, 1000, 500];

// Under node_modules/.cache/, two folders down from the project, where the command's finder looks for scripts/pdf/.
const dir = join(ROOT, 'node_modules/.cache/e-paper-bench');
mkdirSync(dir, { recursive: true });
const entry = join(dir, 'pdf-stages-entry.ts');
const src = (f) => JSON.stringify(join(ROOT, 'src', f));
writeFileSync(
  entry,
  [
    `export { loadPdfPackages } from ${src('cli/pdf/load.ts')};`,
    `export { openPdf, readPage } from ${src('cli/pdf/read.ts')};`,
    `export { drawnOperators } from ${src('cli/pdf/drawn-operators.ts')};`,
    `export { WEBP_EFFORT, scaled } from ${src('cli/pdf/render.ts')};`,
    `export { importPdfPages } from ${src('edition/importers/pdf.ts')};`,
  ].join('\n'),
);
const outfile = join(dir, 'pdf-stages.mjs');
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'error' });
const m = await import(pathToFileURL(outfile).href);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const times = {};
const bytes = {};
async function stage(name, f) {
  const [c, w] = [cpu(), performance.now()];
  const result = await f();
  (times[name] ??= []).push([cpu() - c, (performance.now() - w) / 1000]);
  return result;
}

const packages = await stage('load the packages', () => m.loadPdfPackages());
const { canvas, sharp } = packages;
/** The encoders compared: what each writes for one canvas. */
const raw = (c) => sharp(c.data(), { raw: { width: c.width, height: c.height, channels: 4 } }).removeAlpha();
const encoders = {
  'WebP, canvas (method 4)': (c) => c.encode('webp', quality),
  ...Object.fromEntries(
    [0, 1, 2, 3, 4].map((effort) => [`WebP, sharp effort ${effort}`, (c) => raw(c).webp({ quality, effort }).toBuffer()]),
  ),
  'JPEG, canvas': (c) => c.encode('jpeg', quality),
};

for (let run = 0; run < runs; run++) {
  const doc = await stage('open the PDF', () => m.openPdf(readFileSync(file), file, packages));
  const page = await doc.getPage(1);
  await stage('text (getTextContent)', () => page.getTextContent({ includeMarkedContent: false }));
  await stage('operators (getOperatorList)', () => page.getOperatorList());
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: WIDTHS[0] / base.width });
  const largest = canvas.createCanvas(Math.round(viewport.width), Math.round(viewport.height));
  await stage(`draw ${WIDTHS[0]} px`, () => page.render({ canvasContext: largest.getContext('2d'), canvas: largest, viewport }).promise);
  // What the command reads after drawing: the text, and the operators the drawing used (no second reading).
  await stage('read the page (text; operators as drawn)', () => m.readPage(page, packages, file, m.drawnOperators(page)));
  for (const [name, encode] of Object.entries(encoders)) {
    const out = await stage(`encode ${WIDTHS.join(' + ')}: ${name}`, () =>
      Promise.all(WIDTHS.map((w, i) => encode(i === 0 ? largest : m.scaled(largest, w, packages)))),
    );
    bytes[name] = out.map((b) => b.length);
  }
  // The page read with its operators asked for again (on a fresh page, as before drawn-operators.ts), then detected.
  const fresh = await doc.getPage(1);
  const content = await stage('read the page (text; operators asked for again)', () => m.readPage(fresh, packages, file));
  const scan = { src: 'images/A1-2000.webp', width: 2000, height: 2000 };
  await stage('detect (importPdfPages)', () => m.importPdfPages([{ content: { ...content, label: 'A1' }, scan }], { date: '2021-01-08' }));
  await doc.destroy();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kib = (n) => Math.round(n / 1024);
console.log(`${file.replace(ROOT, '')}, quality ${quality}, the command's WebP effort ${m.WEBP_EFFORT}, median of ${runs}\n`);
console.log('| stage | CPU s | wall s | bytes (KiB, 2000 / 1000 / 500) |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, list] of Object.entries(times)) {
  const key = name.replace(/^encode [^:]+: /, '');
  const size = name.startsWith('encode') ? `${bytes[key].map(kib).join(' / ')} (${kib(bytes[key].reduce((a, b) => a + b, 0))})` : '';
  console.log(`| ${name} | ${median(list.map((t) => t[0])).toFixed(3)} | ${median(list.map((t) => t[1])).toFixed(3)} | ${size} |`);
}
console.log(`\npeak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (this script, every encoder)`);
