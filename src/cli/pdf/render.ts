/**
 * A PDF page drawn to images for the scan page's srcset: PDF.js onto @napi-rs/canvas (Skia),
 * encoded by the same canvas. PDF.js draws the page once, at the largest width; the smaller
 * widths replay that drawing (Skia keeps it as a picture, so type stays sharp) scaled down,
 * without PDF.js running again. Encoding runs on Node's thread pool: the caller reads the next
 * page while this one's files are written (`written`), so on two cores the largest cost, the
 * WebP encoder, mostly leaves the page's time.
 *
 * Measured on the A1 fixture (2 cores, CPU s): PDF.js drawing 0.5 s for the first width and
 * 0.1–0.2 s for each further width, WebP at quality 80 0.2 / 0.35 / 0.95 s at 500 / 1000 /
 * 2000 px, JPEG at 82 0.15 s at 2000 px; WebP files are a third smaller than JPEG for the same
 * look of type. sharp (libvips) encodes WebP no faster at the same size (0.67 s for the three
 * widths at effort 0, with files 14 % larger) and adds 35 MB. Headless Chromium drawing PDF.js
 * would need a browser on the publisher's server and a page round trip for each image.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '../../edition/schema.js';
import { CliError, EXIT } from '../exit-codes.js';
import type { PdfPackages } from './load.js';
import type { NodeCanvas, PdfPage } from './pdfjs-types.js';

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

export interface RenderedPage {
  /** The scan of the page, with paths relative to `out`. */
  scan: NonNullable<Page['scan']>;
  /** Settles when every image is encoded and written; rejects with a CliError. */
  written: Promise<void>;
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

interface Context2d {
  fillStyle: string;
  imageSmoothingQuality: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: NodeCanvas, x: number, y: number, w: number, h: number): void;
  drawCanvas?(canvas: NodeCanvas, x: number, y: number, w: number, h: number): void;
}

/** `source` drawn again at `width`: as vectors when the canvas kept its drawing, else resampled. */
function scaled(source: NodeCanvas, width: number, packages: PdfPackages): NodeCanvas {
  const canvas = packages.canvas.createCanvas(width, Math.max(1, Math.round((source.height * width) / source.width)));
  const ctx = canvas.getContext('2d') as Context2d;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingQuality = 'high';
  if (ctx.drawCanvas) ctx.drawCanvas(source, 0, 0, canvas.width, canvas.height);
  else ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** Draws `page` once at the largest width, scales it to the others, and starts writing the files. */
export async function renderPage(page: PdfPage, packages: PdfPackages, options: RenderOptions): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const widths = [...new Set(options.widths.map((w) => Math.min(w, Math.floor(Math.sqrt((MAX_PIXELS * base.width) / base.height)))))].sort(
    (a, b) => b - a,
  );
  const dir = join(options.out, 'images');
  mkdirSync(dir, { recursive: true });
  const viewport = page.getViewport({ scale: widths[0] / base.width });
  const largest = packages.canvas.createCanvas(Math.round(viewport.width), Math.round(viewport.height));
  try {
    await page.render({ canvasContext: textSafe(largest.getContext('2d')), canvas: largest, viewport, background: '#ffffff' }).promise;
  } catch (error) {
    throw new CliError(EXIT.failed, `${options.stem}: the page could not be drawn (${(error as Error).message})`);
  }
  const made = widths.map((width, i) => {
    const canvas = i === 0 ? largest : scaled(largest, width, packages);
    const name = `${options.stem}-${width}.${options.format === 'jpeg' ? 'jpg' : 'webp'}`;
    return { canvas, name, src: `images/${encodeURIComponent(name)}`, width: canvas.width, height: canvas.height };
  });
  const written = Promise.all(
    made.map(async ({ canvas, name }) => {
      const bytes = await canvas.encode(options.format, options.quality).catch((error: Error) => {
        throw new CliError(EXIT.failed, `${options.stem}: the page image could not be encoded (${error.message})`);
      });
      try {
        writeFileSync(join(dir, name), bytes);
      } catch (error) {
        throw new CliError(EXIT.cantCreate, `${join(dir, name)}: cannot be written (${(error as Error).message})`);
      }
    }),
  ).then(() => undefined);
  // Awaited by the caller later; marked handled so that a failure meanwhile is not an unhandled rejection.
  written.catch(() => {});
  const [top, ...rest] = made;
  return {
    scan: {
      src: top.src,
      width: top.width,
      height: top.height,
      ...(rest.length && { srcset: rest.reverse().map(({ src, width }) => ({ src, width })) }),
    },
    written,
  };
}
