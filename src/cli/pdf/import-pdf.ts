/**
 * `e-paper import pdf <A01.pdf A02.pdf… | folder>`: the layout system's page PDFs → an edition of
 * scan pages with their articles found and a text layer. Reads each file (./read-file.ts: its
 * pages drawn by ./render.ts, read by ./read.ts), here or several at once in reader processes
 * (./pool.ts), and hands the pages, in file order, to the pure importer (importPdfPages). A file
 * or page that cannot be read is left out with a warning naming it (../left-out.ts), none of its
 * images left behind; when nothing can be read, the command fails with the first failure's message.
 */
import { join } from 'node:path';
import { importPdfPages, type PdfPageInput, type PdfPageReport } from '../../edition/importers/pdf.js';
import type { GivenBox } from '../../edition/importers/pdf-layout.js';
import { ImportError, type ImportResult } from '../../edition/importers/common.js';
import { PT } from '../../edition/importers/pdf-content.js';
import { CliError, EXIT } from '../exit-codes.js';
import { isDirectory, listFiles, readText } from '../inputs.js';
import type { Progress } from '../report.js';
import { PageLabels } from './labels.js';
import { findPdfPackages, loadPdfPackages } from './load.js';
import { readerBuilt, readInProcesses } from './pool.js';
import { readPdfFile, type PageRead, type ReadFailure } from './read-file.js';
import { removeImagesOf, type ImageFormat } from './render.js';

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
  /** --jobs: files read at once, each in a reader process of its own (./pool.ts); 1 reads them here. */
  jobs?: number;
  progress: Progress;
  /** Lines for a person (a first-use install); stderr unless given (none under --json). */
  log?: (line: string) => void;
}

export { labelFromName } from './labels.js';
export { drawAndReadPage } from './read-file.js';

/** The PDF files of `inputs` (files, or the PDFs in folders), named as the inputs name them (in warnings and the summary). */
export function pdfFiles(inputs: string[]): string[] {
  return inputs.flatMap((input) =>
    isDirectory(input) ? listFiles(input, (name) => /\.pdf$/i.test(name), { depth: 1 }).map((f) => join(input, f)) : [input],
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

export async function importPdfFiles(
  inputs: string[],
  options: PdfCommandOptions,
): Promise<ImportResult & { reports: PdfPageReport[]; files: string[] }> {
  const files = pdfFiles(inputs);
  if (!files.length) throw new CliError(EXIT.failed, `${inputs.join(', ')}: no PDF file found`);
  if (!options.date)
    throw new ImportError('options.date', 'no --date, and none in the file names: give the issue date as --date YYYY-MM-DD');
  const given = options.articles ? readBoxes(options.articles, options.maxBytes) : undefined;
  const labels = new PageLabels(files);
  const read: (PageRead & { f: number })[] = [];
  const failures: (ReadFailure & { f: number })[] = [];
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const fileOptions = {
    maxBytes: options.maxBytes,
    widths: options.widths,
    format: options.format,
    quality: options.quality,
    out: options.out,
  };
  const jobs = readerBuilt() ? Math.min(options.jobs ?? 1, files.length) : 1;
  let started = 0;
  if (jobs > 1) {
    await readInProcesses(files, jobs, { paths: findPdfPackages(log), options: fileOptions }, labels, {
      started: (f) => options.progress.update(started++, files.length, `reading ${files[f]}`),
      page: (f, page) => read.push({ ...page, f }),
      failed: (f, failure) => failures.push({ ...failure, f }),
    });
  } else {
    const packages = await loadPdfPackages(log);
    let writing: Promise<void> = Promise.resolve();
    for (const [f, file] of files.entries()) {
      options.progress.update(f, files.length, `reading ${file}`);
      ({ written: writing } = await readPdfFile(
        file,
        packages,
        fileOptions,
        {
          labels: (count) => labels.of(f, count),
          page: (page) => read.push({ ...page, f }),
          failed: (failure) => failures.push({ ...failure, f }),
        },
        writing,
      ));
    }
    await writing;
  }
  // In file order, whichever reader reported first (a file's own failures stay in their order).
  failures.sort((a, b) => a.f - b.f);
  read.sort((a, b) => a.f - b.f || a.n - b.n);
  // A page that did not land leaves no image behind, even one whose reader died as it wrote them.
  if (failures.length) {
    const landed = new Set(read.map((page) => page.label));
    for (let f = 0; f < files.length; f++)
      for (const label of await labels.of(f, 0)) if (!landed.has(label)) removeImagesOf(options.out, label);
  }
  // Nothing landed: the command fails as it did for the first failure.
  if (!read.length && failures.length) throw new CliError(failures[0].code, failures[0].message);
  const pages: PdfPageInput[] = read.map(({ label, content, scan }) => ({ content, scan, given: given?.get(label.toUpperCase()) }));
  if (given)
    for (const label of given.keys())
      if (!labels.given.has(label) && ![...labels.given].some((l) => l.toUpperCase() === label))
        throw new CliError(EXIT.failed, `${options.articles}: boxes for page ${label}, which none of the PDFs is`);
  // E_PAPER_PDF_TEXT=as-encoded: the text without its repair, for the benchmark's measure of it (bench/pdf-fixtures.mjs).
  const asEncoded = process.env.E_PAPER_PDF_TEXT === 'as-encoded';
  const result = importPdfPages(pages, { ...(options as Required<Pick<PdfCommandOptions, 'date'>> & PdfCommandOptions), asEncoded });
  // What could not be read is named, and the edition has the rest.
  result.warnings.unshift(
    ...failures.map(({ source, message }) => ({ path: source, message: `left out of the edition: ${message}`, leftOut: true as const })),
  );
  return { ...result, files };
}
