/**
 * `e-paper archive add <archive.json> <edition…>` and `e-paper archive build <dir>`: the archive
 * index (src/edition/archive/archive-schema.ts) that gives the viewer its date picker. Each edition's
 * `src` is written relative to the index; one entry per date (a new one replaces the old); the
 * index is checked as the viewer will check it before it is written.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { validateArchive } from '../edition/archive/load-archive.js';
import { validateEdition, EditionError } from '../edition/validate.js';
import { parse, str } from './args.js';
import { CliError, EXIT, EXIT_HELP } from './exit-codes.js';
import { isDirectory, listFiles, readText } from './inputs.js';
import { relativePosix } from './sources.js';

export const ARCHIVE_USAGE = `Usage:
  e-paper archive add <archive.json> <edition.json|dir>… [--title <text>]
      adds (or replaces, by date) editions in the archive index, creating it if need be
  e-paper archive build <dir> [-o <archive.json>] [--title <text>]
      writes the index of every edition under <dir> (default <dir>/archive.json)

Options: --json, -q/--quiet, -h/--help

${EXIT_HELP}`;

interface Entry {
  date: string;
  src: string;
  label?: string;
}

/** The edition JSON a path names: the file, or a folder's edition.json. */
function editionFile(path: string): string {
  return isDirectory(path) ? join(path, 'edition.json') : path;
}

/** Reads and checks an edition; its date and id. */
function readEdition(path: string): { date: string; id: string } {
  if (!existsSync(path)) throw new CliError(EXIT.noInput, `${path}: no such file`);
  try {
    const edition = validateEdition(JSON.parse(readText(path)));
    return { date: edition.date, id: edition.id };
  } catch (error) {
    if (error instanceof EditionError)
      throw new CliError(EXIT.failed, `${path}: not a valid edition:\n  ${error.message.split('\n').join('\n  ')}`);
    throw new CliError(EXIT.failed, `${path}: not JSON (${(error as Error).message})`);
  }
}

/**
 * Adds `entries` (src relative to the index's folder) to the index at `path`, replacing those of
 * the same dates, sorted by date, checked, written through a temporary file. Returns the count.
 */
export function addToArchive(path: string, entries: Entry[], title?: string): number {
  let index: { format: 'e-paper-archive'; version: 1; title?: string; editions: Entry[] } = {
    format: 'e-paper-archive',
    version: 1,
    editions: [],
  };
  if (existsSync(path)) {
    try {
      index = JSON.parse(readText(path)) as typeof index;
      validateArchive(index, 'https://e-paper.invalid/');
    } catch (error) {
      throw new CliError(EXIT.failed, `${path}: not a valid archive index (${(error as Error).message.split('\n')[0]}): fix or remove it`);
    }
  }
  const dates = new Set(entries.map((e) => e.date));
  const editions = [...index.editions.filter((e) => !dates.has(e.date)), ...entries].sort((a, b) => a.date.localeCompare(b.date));
  const out = {
    format: 'e-paper-archive' as const,
    version: 1 as const,
    ...((title ?? index.title) && { title: title ?? index.title }),
    editions,
  };
  try {
    validateArchive(out, 'https://e-paper.invalid/');
  } catch (error) {
    throw new CliError(EXIT.failed, `the archive index would not be valid: ${(error as Error).message}`);
  }
  try {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(out, null, 2)}\n`);
    renameSync(temp, path);
  } catch (error) {
    throw new CliError(EXIT.cantCreate, `${path}: cannot be written (${(error as Error).message})`);
  }
  return editions.length;
}

export function archiveCommand(argv: string[]): number {
  const parsed = parse(argv, { title: { type: 'string' }, out: { type: 'string', short: 'o' } }, 'archive');
  if (parsed.values.help) {
    process.stdout.write(`${ARCHIVE_USAGE}\n`);
    return EXIT.ok;
  }
  const [action, target, ...rest] = parsed.positionals;
  let indexPath: string;
  let files: string[];
  if (action === 'add') {
    if (!target || !rest.length)
      throw new CliError(
        EXIT.usage,
        `archive add: expected the index and at least one edition\n(e-paper archive --help lists the options)`,
      );
    indexPath = target;
    files = rest.map(editionFile);
  } else if (action === 'build') {
    if (!target || rest.length)
      throw new CliError(EXIT.usage, `archive build: expected one folder\n(e-paper archive --help lists the options)`);
    if (!isDirectory(target)) throw new CliError(EXIT.noInput, `${target}: not a folder`);
    indexPath = str(parsed, 'out') ?? join(target, 'archive.json');
    files = listFiles(target, (name) => name === 'edition.json', { depth: 4 }).map((f) => join(target, f));
    if (!files.length) throw new CliError(EXIT.failed, `${target}: no edition.json under it`);
  } else
    throw new CliError(
      EXIT.usage,
      `archive: expected add or build, got ${action ? `"${action}"` : 'nothing'}\n(e-paper archive --help lists the options)`,
    );
  const base = dirname(resolve(indexPath));
  const entries = files.map((file) => ({ ...readEdition(file), src: relativePosix(base, resolve(file)) }));
  const byDate = new Map<string, string>();
  for (const entry of entries) {
    const other = byDate.get(entry.date);
    if (other) throw new CliError(EXIT.failed, `two editions of ${entry.date}: ${other} and ${entry.src}; an archive has one per day`);
    byDate.set(entry.date, entry.src);
  }
  const count = addToArchive(
    indexPath,
    entries.map(({ date, src }) => ({ date, src })),
    str(parsed, 'title'),
  );
  if (parsed.values.json)
    process.stdout.write(
      `${JSON.stringify({ command: `archive ${action}`, ok: true, index: indexPath, added: entries, editions: count }, null, 2)}\n`,
    );
  else if (!parsed.values.quiet) process.stdout.write(`${indexPath}: ${entries.length} edition(s) added, ${count} in all\n`);
  return EXIT.ok;
}
