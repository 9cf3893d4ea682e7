/**
 * `e-paper import pdf <A01.pdf A02.pdf… | folder>`: the layout system's page PDFs → an edition of
 * scan pages with their articles found and a text layer. Reads each file (./read.ts), draws its
 * pages (./render.ts), and hands the content to the pure importer (importPdfPages).
 */
import { basename, resolve } from 'node:path';
import { importPdfPages, type PdfPageInput, type PdfPageReport } from '../../edition/importers/pdf.js';
import type { GivenBox } from '../../edition/importers/pdf-layout.js';
import { ImportError, type ImportResult } from '../../edition/importers/common.js';
import { PT, type PdfPageContent } from '../../edition/importers/pdf-content.js';
import { CliError, EXIT } from '../exit-codes.js';
import { isDirectory, listFiles, readBytes, readText } from '../inputs.js';
import type { Progress } from '../report.js';
import { drawnOperators } from './drawn-operators.js';
import { loadPdfPackages, type PdfPackages } from './load.js';
import type { PdfPage } from './pdfjs-types.js';
import { openPdf, readPage } from './read.js';
import { renderPage, type ImageFormat, type RenderedPage, type RenderOptions } from './render.js';

export interface PdfCommandOptions {
  out: string;
  maxBytes: number;
  date?: string;
  title?: string;
  id?: string;
  lang?: string;
  publication?: string;
  widths: number[];
  format: ImageFormat;
  quality: number;
  /** --articles: boxes from the layout system. */
  articles?: string;
  progress: Progress;
}

/** The page label a file name gives: A01.pdf, 2021-01-08-A01.pdf → A1; 03.pdf → 3. */
export function labelFromName(path: string): string | undefined {
  const stem = basename(path).replace(/\.pdf$/i, '');
  const match =
    /(?:^|[^A-Za-z0-9])([A-Za-z])0*(\d{1,3})$/.exec(stem) ??
    /(?:^|[^A-Za-z0-9])([A-Za-z]?)0*(\d{1,3})$/.exec(stem) ??
    /^([A-Za-z]?)0*(\d{1,3})$/.exec(stem);
  return match ? `${match[1].toUpperCase()}${match[2]}` : undefined;
}

export function pdfFiles(inputs: string[]): string[] {
  return inputs.flatMap((input) =>
    isDirectory(input) ? listFiles(input, (name) => /\.pdf$/i.test(name), { depth: 1 }).map((f) => resolve(input, f)) : [input],
  );
}

/** --articles FILE: `{ "unit": "pt" | "px", "pages": { "A1": [{ "id", "x", "y", "w", "h", "kind"? }] } }`. */
function readBoxes(path: string, maxBytes: number): Map<string, GivenBox[]> {
  let json: { unit?: string; pages?: Record<string, unknown> };
  try {
    json = JSON.parse(readText(path, maxBytes)) as typeof json;
  } catch (error) {
    throw new CliError(EXIT.failed, `${path}: not JSON (${(error as Error).message})`);
  }
  const scale = json?.unit === 'pt' ? PT : 1;
  if (!json || typeof json.pages !== 'object' || !json.pages)
    throw new CliError(EXIT.failed, `${path}: expected {"pages": {"A1": [boxes…]}}`);
  const out = new Map<string, GivenBox[]>();
  for (const [label, list] of Object.entries(json.pages)) {
    if (!Array.isArray(list)) throw new CliError(EXIT.failed, `${path}: pages.${label}: expected a list of boxes`);
    out.set(
      label.toUpperCase(),
      list.map((box, i) => {
        const b = box as Record<string, unknown>;
        if (typeof b.id !== 'string' || !['x', 'y', 'w', 'h'].every((k) => typeof b[k] === 'number' && Number.isFinite(b[k])))
          throw new CliError(EXIT.failed, `${path}: pages.${label}[${i}]: expected {id, x, y, w, h}`);
        const kind = b.kind === 'masthead' || b.kind === 'ear' || b.kind === 'footer' ? b.kind : undefined;
        return {
          id: b.id,
          x: (b.x as number) * scale,
          y: (b.y as number) * scale,
          w: (b.w as number) * scale,
          h: (b.h as number) * scale,
          kind,
        };
      }),
    );
  }
  return out;
}

/**
 * One page drawn to its images and read for its content, PDF.js reading the page's operators
 * for both once (./drawn-operators.ts), and its text once more, as text.
 */
export async function drawAndReadPage(
  page: PdfPage,
  packages: PdfPackages,
  source: string,
  options: RenderOptions,
): Promise<RenderedPage & { content: PdfPageContent }> {
  const rendered = await renderPage(page, packages, options);
  return { ...rendered, content: await readPage(page, packages, source, drawnOperators(page)) };
}

export async function importPdfFiles(
  inputs: string[],
  options: PdfCommandOptions,
): Promise<ImportResult & { reports: PdfPageReport[]; files: string[] }> {
  const files = pdfFiles(inputs);
  if (!files.length) throw new CliError(EXIT.failed, `${inputs.join(', ')}: no PDF file found`);
  if (!options.date)
    throw new ImportError('options.date', 'no --date, and none in the file names: give the issue date as --date YYYY-MM-DD');
  const given = options.articles ? readBoxes(options.articles, options.maxBytes) : undefined;
  const packages = await loadPdfPackages((line) => process.stderr.write(`${line}\n`));
  const pages: PdfPageInput[] = [];
  const labels = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  for (const [f, file] of files.entries()) {
    options.progress.update(f, files.length, `reading ${file}`);
    const doc = await openPdf(readBytes(file, options.maxBytes), file, packages);
    try {
      const fileLabel = labelFromName(file);
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const source = doc.numPages > 1 ? `${file} page ${n}` : file;
        let label = doc.numPages === 1 && fileLabel ? fileLabel : `${pages.length + 1}`;
        for (let k = 2; labels.has(label); k++) label = `${fileLabel ?? pages.length + 1}-${k}`;
        labels.add(label);
        // One page's images at a time are being encoded (on the thread pool) while the next is read.
        await writing;
        const { scan, written, content } = await drawAndReadPage(page, packages, source, {
          widths: options.widths,
          format: options.format,
          quality: options.quality,
          out: options.out,
          stem: label,
        });
        writing = written;
        pages.push({ content: { ...content, label }, scan, given: given?.get(label.toUpperCase()) });
        page.cleanup();
      }
    } finally {
      await doc.destroy();
    }
  }
  if (given)
    for (const label of given.keys())
      if (!labels.has(label) && ![...labels].some((l) => l.toUpperCase() === label))
        throw new CliError(EXIT.failed, `${options.articles}: boxes for page ${label}, which none of the PDFs is`);
  // E_PAPER_PDF_TEXT=as-encoded: the text without its repair, for the benchmark's measure of it (bench/pdf-fixtures.mjs).
  const asEncoded = process.env.E_PAPER_PDF_TEXT === 'as-encoded';
  const result = importPdfPages(pages, { ...(options as Required<Pick<PdfCommandOptions, 'date'>> & PdfCommandOptions), asEncoded });
  await writing;
  return { ...result, files };
}
