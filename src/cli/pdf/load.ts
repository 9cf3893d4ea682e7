/**
 * Loads the PDF packages of `e-paper import pdf`: PDF.js (reading, Apache-2.0) and
 * @napi-rs/canvas (drawing and encoding, Skia, MIT), about 70 MB together with the prebuilt
 * binary, so they are not the package's dependencies. Found where Node finds packages (a
 * publisher who ran `npm install pdfjs-dist @napi-rs/canvas`), else in scripts/pdf/ of a
 * checkout of the project, installed there on first use as its lock file says.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findOnDemand } from '../on-demand-packages.js';

import type { Canvas, Pdfjs } from './pdfjs-types.js';

export interface PdfPackages {
  pdfjs: Pdfjs;
  canvas: Canvas;
  /** Folders of PDF.js's CMaps and standard fonts (CJK PDFs name predefined CMaps; some use the 14 standard fonts unembedded). */
  cMapUrl: string;
  standardFontDataUrl: string;
}

export const PDF_PACKAGES = 'pdfjs-dist@5.6.205 @napi-rs/canvas@0.1.99';

let loaded: Promise<PdfPackages> | undefined;

export function loadPdfPackages(log: (line: string) => void = () => {}): Promise<PdfPackages> {
  loaded ??= load(log);
  return loaded;
}

async function load(log: (line: string) => void): Promise<PdfPackages> {
  return open(findOnDemand({ folder: 'pdf', packages: PDF_PACKAGES, neededBy: 'the pdf kind', resolve: tryResolve }, log));
}

function tryResolve(require: NodeJS.Require): { pdfjs: string; canvas: string; root: string } | undefined {
  try {
    const pdfjs = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
    const canvas = require.resolve('@napi-rs/canvas');
    return { pdfjs, canvas, root: join(pdfjs, '../../../') };
  } catch {
    return undefined;
  }
}

async function open(paths: { pdfjs: string; canvas: string; root: string }): Promise<PdfPackages> {
  const pdfjs = (await import(pathToFileURL(paths.pdfjs).href)) as Pdfjs;
  const canvas = (await import(pathToFileURL(paths.canvas).href)) as Canvas;
  return { pdfjs, canvas, cMapUrl: join(paths.root, 'cmaps/'), standardFontDataUrl: join(paths.root, 'standard_fonts/') };
}
