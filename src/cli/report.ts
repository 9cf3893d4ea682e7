/**
 * What the command tells: progress on stderr (only when it is a terminal, and never with --json
 * or --quiet), a summary table at the end on stdout, or one JSON document with --json. Under
 * --json, stderr carries nothing but a crash: a publisher's job parses what the command says, and
 * everything it says is in the document.
 */
import type { Edition } from '../edition/schema.js';
import type { Parsed } from './args.js';

/** Counts an edition's words: each Han or kana character is one, as Chinese and Japanese count; elsewhere runs of letters or digits. */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const other = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return cjk + other;
}

export interface EditionSummary {
  kind: string;
  id: string;
  date: string;
  out: string;
  pages: number;
  articles: number;
  regions: number;
  words: number;
  warnings: number;
  /** Milliseconds of the import (reading, parsing, mapping, writing). */
  ms: number;
}

/** The figures of one edition (its page files' articles and regions included). */
export function summarize(kind: string, edition: Edition, out: string, warnings: number, ms: number): EditionSummary {
  const text = edition.articles
    .flatMap((a) => [
      a.kicker,
      a.headline,
      ...(a.subheads ?? []),
      ...(a.bylines ?? []),
      ...a.paragraphs,
      ...(a.photos ?? []).map((p) => p.caption),
    ])
    .filter(Boolean)
    .join('\n');
  return {
    kind,
    id: edition.id,
    date: edition.date,
    out,
    pages: edition.pages.length,
    articles: edition.articles.length,
    regions: edition.pages.reduce((n, page) => n + (page.regions?.length ?? 0), 0),
    words: countWords(text),
    warnings,
    ms: Math.round(ms),
  };
}

/** A plain-text table: a header row, a rule, the rows; numbers right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: string[], r: number) =>
    row
      .map((cell, c) => (r > 0 && typeof rows[r - 1][c] === 'number' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(cells[0], 0), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map((row, r) => line(row, r + 1))].join('\n');
}

export function summaryTable(summaries: EditionSummary[]): string {
  return table(
    ['kind', 'edition', 'pages', 'articles', 'regions', 'words', 'warnings', 'ms/page'],
    summaries.map((s) => [s.kind, s.id, s.pages, s.articles, s.regions, s.words, s.warnings, Math.round(s.ms / Math.max(1, s.pages))]),
  );
}

/** Progress on stderr, one line rewritten in place; silent unless stderr is a terminal. */
export class Progress {
  private readonly on: boolean;
  private shown = false;
  constructor(quiet: boolean) {
    this.on = !quiet && !!process.stderr.isTTY;
  }

  update(done: number, total: number, what: string): void {
    if (!this.on) return;
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${what}`;
    process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 80) - 1)}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}

/**
 * Lines for a person on stderr (a warning as it happens, a first-use install); none under --json,
 * whose document says the same.
 */
export const notes =
  (parsed: Parsed) =>
  (line: string): void => {
    if (!parsed.values.json) process.stderr.write(`${line}\n`);
  };
