import { readFileSync, writeFileSync } from 'node:fs';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const { createCanvas } = await import('@napi-rs/canvas');
const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
const page = await doc.getPage(1);
for (const width of [500, 1000, 2000]) {
  const t0 = performance.now();
  const vp0 = page.getViewport({ scale: 1 });
  const vp = page.getViewport({ scale: width / vp0.width });
  const canvas = createCanvas(Math.round(vp.width), Math.round(vp.height));
  const ctx = canvas.getContext('2d');
  await page.render({ canvasContext: ctx, canvas, viewport: vp }).promise;
  const t1 = performance.now();
  const jpg = await canvas.encode('jpeg', 82);
  const webp = await canvas.encode('webp', 80);
  writeFileSync(`/tmp/pdfx/a1-${width}.jpg`, jpg);
  writeFileSync(`/tmp/pdfx/a1-${width}.webp`, webp);
  console.log(width, 'render', (t1-t0).toFixed(0), 'encode', (performance.now()-t1).toFixed(0), 'jpg', jpg.length, 'webp', webp.length, 'rss', (process.memoryUsage().rss/1e6).toFixed(0));
}
