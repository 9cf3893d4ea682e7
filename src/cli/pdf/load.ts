/**
 * Loads the PDF packages of `e-paper import pdf`: PDF.js (reading, Apache-2.0), @napi-rs/canvas
 * (drawing, and JPEG encoding, Skia, MIT) and sharp (WebP encoding at a chosen effort, libvips,
 * Apache-2.0), about 90 MB together with their prebuilt binaries, so they are not the package's
 * dependencies. Found where Node finds packages (a publisher who ran `npm install pdfjs-dist
 * @napi-rs/canvas sharp`), else in scripts/pdf/ of a checkout of the project, installed there on
 * first use as its lock file says.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findOnDemand, resolveInstalled } from '../on-demand-packages.js';
import { installInflate } from './inflate.js';

import type { Canvas, Pdfjs, Sharp } from './pdfjs-types.js';

export interface PdfPackages {
  pdfjs: Pdfjs;
  canvas: Canvas;
  sharp: Sharp;
  /** Folders of PDF.js's CMaps and standard fonts (CJK PDFs name predefined CMaps; some use the 14 standard fonts unembedded). */
  cMapUrl: string;
  standardFontDataUrl: string;
}

export const PDF_PACKAGES = 'pdfjs-dist@5.6.205 @napi-rs/canvas@0.1.99 sharp@0.35.5';

/** Where the packages are: their entry modules, and PDF.js's folder (for its CMaps and fonts). */
export interface PdfPackagePaths {
  pdfjs: string;
  canvas: string;
  sharp: string;
  root: string;
}

let loaded: Promise<PdfPackages> | undefined;

/** The packages, found (installed on first use) unless `paths` says where (a reader process is told: ./pool.ts). */
export function loadPdfPackages(log: (line: string) => void = () => {}, paths?: PdfPackagePaths): Promise<PdfPackages> {
  loaded ??= Promise.resolve().then(() => open(paths ?? findPdfPackages(log)));
  return loaded;
}

/** Finds the packages without loading them, installing them first if they are nowhere. */
export function findPdfPackages(log: (line: string) => void): PdfPackagePaths {
  return findOnDemand({ folder: 'pdf', packages: PDF_PACKAGES, neededBy: 'the pdf kind', resolve: tryResolve }, log);
}

function tryResolve(require: NodeJS.Require): PdfPackagePaths | undefined {
  const found = resolveInstalled(require, { pdfjs: 'pdfjs-dist/legacy/build/pdf.mjs', canvas: '@napi-rs/canvas', sharp: 'sharp' });
  return found && { ...found, root: join(found.pdfjs, '../../../') };
}

/**
 * PDF.js's build for Node brings core-js, which replaces three built-ins for the whole process
 * because of spec corners no caller here meets (pushing nothing onto an array whose length is
 * read-only; JSON's source-text access and well-formed output): its `push` takes twice the
 * native's time and its `JSON.stringify` ten times. PDF.js pushes onto arrays for every operator
 * and path it builds. The natives are put back once PDF.js and its worker (which PDF.js runs on
 * this thread, found as `globalThis.pdfjsWorker`) are loaded; what core-js adds is kept.
 */
async function importPdfjs(path: string): Promise<Pdfjs> {
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  const pdfjs = (await import(pathToFileURL(path).href)) as Pdfjs;
  const global = globalThis as { pdfjsWorker?: unknown };
  global.pdfjsWorker ??= await import(pathToFileURL(join(path, '../pdf.worker.mjs')).href);
  Object.defineProperty(Array.prototype, 'push', { value: natives.push, writable: true, configurable: true, enumerable: false });
  Object.assign(JSON, { parse: natives.parse, stringify: natives.stringify });
  // E_PAPER_PDF_INFLATE=native keeps Node's DecompressionStream, for the benchmark's comparison only.
  if (process.env.E_PAPER_PDF_INFLATE !== 'native') installInflate();
  return pdfjs;
}

async function open(paths: PdfPackagePaths): Promise<PdfPackages> {
  const pdfjs = await importPdfjs(paths.pdfjs);
  const canvas = (await import(pathToFileURL(paths.canvas).href)) as Canvas;
  const sharp = ((await import(pathToFileURL(paths.sharp).href)) as { default: Sharp }).default;
  // Each image is encoded once: libvips's cache of operations would only hold memory.
  sharp.cache(false);
  return { pdfjs, canvas, sharp, cMapUrl: join(paths.root, 'cmaps/'), standardFontDataUrl: join(paths.root, 'standard_fonts/') };
}
