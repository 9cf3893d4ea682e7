/**
 * `e-paper validate <edition…>`: checks edition files (and their page files, and that local
 * images are where the edition says) as the viewer will. Exit 1 when any is invalid.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EditionError, parseEdition, type EditionProblem } from '../edition/validate.js';
import { decodePath } from '../edition/importers/common.js';
import { parsePageFile } from '../edition/page-files/page-files.js';
import { parse } from './args.js';
import { CliError, EXIT, EXIT_HELP } from './exit-codes.js';
import { isDirectory, readText } from './inputs.js';
import { table } from './report.js';

export const VALIDATE_USAGE = `Usage: e-paper validate <edition.json|dir>… [--json] [--strict]

Checks each edition as the viewer will: the format, ids and references, the page files it
points to, and that local images it names exist. --strict also fails on missing images.

${EXIT_HELP}`;

interface Checked {
  file: string;
  ok: boolean;
  pages: number;
  articles: number;
  problems: EditionProblem[];
  /** Missing local images: the viewer would show a broken page. */
  missing: string[];
}

const isLocal = (src: string) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(src) && !src.startsWith('//');

export function checkEdition(path: string): Checked {
  const file = isDirectory(path) ? join(path, 'edition.json') : path;
  if (!existsSync(file)) throw new CliError(EXIT.noInput, `${file}: no such file`);
  const checked: Checked = { file, ok: true, pages: 0, articles: 0, problems: [], missing: [] };
  const dir = dirname(resolve(file));
  const look = (src: string, from: string) => {
    if (isLocal(src) && !existsSync(resolve(from, decodePath(src.replace(/[?#].*$/, ''))))) checked.missing.push(src);
  };
  try {
    const edition = parseEdition(readText(file));
    checked.pages = edition.pages.length;
    checked.articles = edition.articles.length;
    const known = new Set(edition.articles.map((a) => a.id));
    for (const page of edition.pages) {
      if (page.scan) look(page.scan.src, dir);
      if (!page.src) continue;
      if (!isLocal(page.src)) continue;
      const pagePath = resolve(dir, decodePath(page.src));
      if (!existsSync(pagePath)) {
        checked.problems.push({ path: `pages[${edition.pages.indexOf(page)}].src`, message: `the page file ${page.src} is missing` });
        continue;
      }
      try {
        const pageFile = parsePageFile(readText(pagePath), page, known);
        for (const article of pageFile.articles) {
          known.add(article.id);
          checked.articles++;
          for (const photo of article.photos ?? []) if (photo.src) look(photo.src, dirname(pagePath));
        }
        if (pageFile.page.scan) look(pageFile.page.scan.src, dirname(pagePath));
      } catch (error) {
        if (!(error instanceof EditionError)) throw error;
        checked.problems.push(...error.problems.map((p) => ({ path: `${page.src}: ${p.path}`, message: p.message })));
      }
    }
    for (const article of edition.articles) for (const photo of article.photos ?? []) if (photo.src) look(photo.src, dir);
  } catch (error) {
    if (!(error instanceof EditionError)) throw error;
    checked.problems.push(...error.problems);
  }
  checked.ok = checked.problems.length === 0;
  return checked;
}

export function validateCommand(argv: string[]): number {
  const parsed = parse(argv, { strict: { type: 'boolean' } }, 'validate');
  if (parsed.values.help) {
    process.stdout.write(`${VALIDATE_USAGE}\n`);
    return EXIT.ok;
  }
  if (!parsed.positionals.length)
    throw new CliError(EXIT.usage, `expected at least one edition\n(e-paper validate --help lists the options)`);
  const results = parsed.positionals.map(checkEdition);
  const invalid = results.some((r) => !r.ok);
  const missing = results.some((r) => r.missing.length);
  const code = invalid ? EXIT.failed : parsed.values.strict && missing ? EXIT.warnings : EXIT.ok;
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify({ command: 'validate', ok: !invalid, exitCode: code, editions: results }, null, 2)}\n`);
    return code;
  }
  for (const r of results) {
    for (const p of r.problems) process.stderr.write(`${r.file}: ${p.path ? `${p.path}: ` : ''}${p.message}\n`);
    for (const src of r.missing) process.stderr.write(`${r.file}: warning: the image ${src} is missing\n`);
  }
  if (!parsed.values.quiet)
    process.stdout.write(
      `${table(
        ['edition', 'valid', 'pages', 'articles', 'problems', 'missing images'],
        results.map((r) => [r.file, r.ok ? 'yes' : 'NO', r.pages, r.articles, r.problems.length, r.missing.length]),
      )}\n`,
    );
  return code;
}
