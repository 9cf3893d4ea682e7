/**
 * One PDF file read page by page, as the command does it in its own process or in a reader
 * process (./pool.ts): opened, each page drawn to its images and read for its content. A page
 * that fails is reported, its images removed, and the file's other pages go on; a file that
 * cannot be opened is reported whole. Every failure keeps its CliError's exit code, for when nothing lands.
 */
import type { PdfPageContent } from '../../edition/importers/pdf-content.js';
import { CliError, EXIT, type ExitCode } from '../exit-codes.js';
import { readBytes } from '../inputs.js';
import { drawnOperators } from './drawn-operators.js';
import type { PdfPackages } from './load.js';
import type { PdfDocument, PdfPage } from './pdfjs-types.js';
import { openPdf, readPage } from './read.js';
import { removeImages, renderPage, type ImageFormat, type RenderedPage, type RenderOptions } from './render.js';

export interface FileOptions {
  maxBytes: number;
  widths: number[];
  format: ImageFormat;
  quality: number;
  /** The edition folder; images go to images/ in it. */
  out: string;
}

/** One page that landed: its images are written. */
export interface PageRead {
  /** 1-based, in its file. */
  n: number;
  label: string;
  content: PdfPageContent;
  scan: RenderedPage['scan'];
}

/** What could not be read: a file (`source` its path) or one page of it. */
export interface ReadFailure {
  source: string;
  message: string;
  code: ExitCode;
}

export interface FileEvents {
  /** The labels of the file's pages, asked once their count is known (0 when it cannot be opened: ./labels.ts). */
  labels(count: number): Promise<string[]>;
  page(page: PageRead): void;
  failed(failure: ReadFailure): void;
}

/** A failure as the command reports it: a CliError's message and code, anything else as the bug it is. */
export function failureOf(source: string, error: unknown): ReadFailure {
  if (error instanceof CliError) return { source, message: error.message, code: error.code };
  const text = (error as Error)?.stack ?? String(error);
  return { source, message: `${source}: unexpected error (a bug; please report it with the input): ${text}`, code: EXIT.software };
}

/**
 * One page drawn to its images and read for its content, PDF.js reading the page's operators
 * for both once (./drawn-operators.ts), and its text once more, as text. A page that cannot be
 * read once drawn leaves no image behind: they are removed once written.
 */
export async function drawAndReadPage(
  page: PdfPage,
  packages: PdfPackages,
  source: string,
  options: RenderOptions,
): Promise<RenderedPage & { content: PdfPageContent }> {
  const rendered = await renderPage(page, packages, options);
  try {
    return { ...rendered, content: await readPage(page, packages, source, drawnOperators(page)) };
  } catch (error) {
    await rendered.written.catch(() => {});
    removeImages(rendered.files);
    throw error;
  }
}

/**
 * Reads `file`. One page's images at a time are being encoded (on the thread pool) while the
 * next page is read: `previous` is the writing of the file before (in the same process), and
 * `written` settles when this file's last images are written and reported.
 */
export async function readPdfFile(
  file: string,
  packages: PdfPackages,
  options: FileOptions,
  events: FileEvents,
  previous: Promise<void> = Promise.resolve(),
): Promise<{ written: Promise<void> }> {
  let doc: PdfDocument;
  try {
    doc = await openPdf(readBytes(file, options.maxBytes), file, packages);
  } catch (error) {
    events.failed(failureOf(file, error));
    await events.labels(0);
    return { written: previous };
  }
  let writing = previous;
  try {
    const labels = await events.labels(doc.numPages);
    for (let n = 1; n <= doc.numPages; n++) {
      const source = doc.numPages > 1 ? `${file} page ${n}` : file;
      const label = labels[n - 1];
      try {
        const page = await doc.getPage(n);
        await writing;
        const { scan, written, content } = await drawAndReadPage(page, packages, source, { ...options, stem: label });
        page.cleanup();
        writing = written.then(
          () => events.page({ n, label, content: { ...content, label }, scan }),
          (error: unknown) => events.failed(failureOf(source, error)),
        );
      } catch (error) {
        events.failed(failureOf(source, error));
      }
    }
  } finally {
    await doc.destroy();
  }
  return { written: writing };
}
