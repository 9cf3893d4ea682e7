/**
 * A PDF page drawn to images for the scan page's srcset: PDF.js onto @napi-rs/canvas (Skia),
 * encoded by the same canvas. Measured on the A1 fixture (2 cores): drawing takes 0.1–0.7 s a
 * width and encoding WebP at quality 80 gives files a third smaller than JPEG at 82 for the same
 * look of type. Headless Chromium drawing PDF.js would need a browser on the publisher's server
 * and a page round trip for each image; this needs neither.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '../../edition/schema.js';
import { CliError, EXIT } from '../exit-codes.js';
import type { PdfPackages } from './load.js';
import type { PdfPage } from './pdfjs-types.js';

export type ImageFormat = 'webp' | 'jpeg';

/** Pixels of one image at most (a page of absurd proportions is drawn narrower). */
const MAX_PIXELS = 40_000_000;

export interface RenderOptions {
  widths: number[];
  format: ImageFormat;
  /** 1–100. */
  quality: number;
  /** The edition folder; images go to images/ in it. */
  out: string;
  /** The file name stem: A1 → images/A1-2000.webp. */
  stem: string;
}

/**
 * The canvas context with text drawing that survives what PDF.js hands it for a font it cannot
 * draw itself (not embedded, no Unicode map): control characters, which Skia's bindings refuse.
 */
function textSafe(context: unknown): unknown {
  const ctx = context as Record<'fillText' | 'strokeText', (text: string, ...rest: unknown[]) => void>;
  for (const name of ['fillText', 'strokeText'] as const) {
    const draw = ctx[name].bind(ctx);
    ctx[name] = (text: string, ...rest: unknown[]) => draw(String(text).replace(/\p{Cc}/gu, ''), ...rest);
  }
  return ctx;
}

/** Draws `page` at each width and writes the files; the scan of the page, with paths relative to `out`. */
export async function renderPage(page: PdfPage, packages: PdfPackages, options: RenderOptions): Promise<NonNullable<Page['scan']>> {
  const base = page.getViewport({ scale: 1 });
  const widths = [...new Set(options.widths.map((w) => Math.min(w, Math.floor(Math.sqrt((MAX_PIXELS * base.width) / base.height)))))].sort(
    (a, b) => a - b,
  );
  const dir = join(options.out, 'images');
  mkdirSync(dir, { recursive: true });
  const made: { src: string; width: number; height: number }[] = [];
  for (const width of widths) {
    const viewport = page.getViewport({ scale: width / base.width });
    const canvas = packages.canvas.createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    try {
      await page.render({ canvasContext: textSafe(canvas.getContext('2d')), canvas, viewport, background: '#ffffff' }).promise;
    } catch (error) {
      throw new CliError(EXIT.failed, `${options.stem}: the page could not be drawn (${(error as Error).message})`);
    }
    const bytes = await canvas.encode(options.format, options.quality);
    const name = `${options.stem}-${width}.${options.format === 'jpeg' ? 'jpg' : 'webp'}`;
    try {
      writeFileSync(join(dir, name), bytes);
    } catch (error) {
      throw new CliError(EXIT.cantCreate, `${join(dir, name)}: cannot be written (${(error as Error).message})`);
    }
    made.push({ src: `images/${encodeURIComponent(name)}`, width: canvas.width, height: canvas.height });
  }
  const largest = made[made.length - 1];
  return {
    src: largest.src,
    width: largest.width,
    height: largest.height,
    ...(made.length > 1 && { srcset: made.slice(0, -1).map(({ src, width }) => ({ src, width })) }),
  };
}
