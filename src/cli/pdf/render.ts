/**
 * A PDF page drawn to images for the scan page's srcset: PDF.js onto @napi-rs/canvas (Skia).
 * PDF.js draws the page once, at the largest width; the smaller widths replay that drawing (Skia
 * keeps it as a picture, so type stays sharp) scaled down, without PDF.js running again. WebP is
 * encoded by sharp (libwebp at {@link WEBP_EFFORT}), JPEG by the canvas. Encoding runs on Node's
 * thread pool, the widths at once: the caller reads the next page while this one's files are
 * written (`written`), so on two cores the encoder mostly leaves the page's wall time.
 *
 * Measured on the A1 fixture (bench/pdf-stages.mjs, processor s, median of 3, load 12–19 on 2
 * cores): the three widths 2000 / 1000 / 500 at quality 80, rasterising the drawing included,
 * cost 1.24 s with the canvas's own WebP (libwebp's method 4, 1090 KiB), 0.78 s with sharp at
 * effort 2 (1107 KiB, +1.6 %; type looks the same at 100 % and at 3×), 0.59–0.65 s at effort 0–1
 * (1233–1240 KiB, +13 %), 1.2 s at effort 3–4 (as the canvas); JPEG 0.36 s (1589 KiB, +46 %).
 * Effort 2 is the knee: the command's processor time on A1 fell by about 15 % (3.40 → 2.92 s,
 * medians of 5 interleaved runs at load 19). Headless Chromium drawing PDF.js would need a
 * browser on the publisher's server and a page round trip for each image.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  /**
   * Settles when every image is encoded and written; rejects with a CliError once every image is
   * settled, the images written removed (a page whose images fail leaves none behind).
   */
  written: Promise<void>;
  /** The image files, as paths from the working folder: {@link removeImages} takes them back. */
  files: string[];
}

/** Removes a page's image files (its other images failed, or the page could not be read after its drawing). */
export function removeImages(files: readonly string[]): void {
  for (const file of files) rmSync(file, { force: true });
}

/** The name of a page's image: A1 at 2000 px → A1-2000.webp. */
const imageName = (stem: string, width: number, format: ImageFormat) => `${stem}-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`;

/**
 * Removes the images of page `stem` from `out`'s images/ at whatever width they were drawn (a
 * page whose reader process died while it wrote them: ./pool.ts); other pages' stay (A1-2's for A1).
 */
export function removeImagesOf(out: string, stem: string): void {
  const dir = join(out, 'images');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mine = new RegExp(`^${escaped}-\\d+\\.(?:webp|jpg)$`);
  removeImages(names.filter((name) => mine.test(name)).map((name) => join(dir, name)));
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
export function scaled(source: NodeCanvas, width: number, packages: PdfPackages): NodeCanvas {
  const canvas = packages.canvas.createCanvas(width, Math.max(1, Math.round((source.height * width) / source.width)));
  const ctx = canvas.getContext('2d') as Context2d;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingQuality = 'high';
  if (ctx.drawCanvas) ctx.drawCanvas(source, 0, 0, canvas.width, canvas.height);
  else ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/**
 * libwebp's effort (its `method`, 0–6) for the page images: see the measures above.
 * E_PAPER_WEBP_EFFORT sets another, for the benchmark's comparisons only (bench/pdf-stages.mjs).
 */
export const WEBP_EFFORT = /^[0-6]$/.test(process.env.E_PAPER_WEBP_EFFORT ?? '') ? Number(process.env.E_PAPER_WEBP_EFFORT) : 2;

/** `canvas` as a WebP (sharp, at {@link WEBP_EFFORT}) or a JPEG (the canvas's own encoder), on Node's thread pool. */
function encode(canvas: NodeCanvas, options: RenderOptions, packages: PdfPackages): Promise<Uint8Array> {
  if (options.format === 'jpeg') return canvas.encode('jpeg', options.quality);
  const raw = { width: canvas.width, height: canvas.height, channels: 4 as const };
  return packages.sharp(canvas.data(), { raw }).removeAlpha().webp({ quality: options.quality, effort: WEBP_EFFORT }).toBuffer();
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
    const name = imageName(options.stem, width, options.format);
    return { canvas, name, src: `images/${encodeURIComponent(name)}`, width: canvas.width, height: canvas.height };
  });
  const files = made.map(({ name }) => join(dir, name));
  const written = Promise.allSettled(
    made.map(async ({ canvas, name }) => {
      const bytes = await encode(canvas, options, packages).catch((error: Error) => {
        throw new CliError(EXIT.failed, `${options.stem}: the page image could not be encoded (${error.message})`);
      });
      try {
        writeFileSync(join(dir, name), bytes);
      } catch (error) {
        throw new CliError(EXIT.cantCreate, `${join(dir, name)}: cannot be written (${(error as Error).message})`);
      }
    }),
  ).then((settled) => {
    const failed = settled.find((s) => s.status === 'rejected');
    if (!failed) return;
    removeImages(files);
    throw failed.reason;
  });
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
    files,
  };
}
