/**
 * Short bars in small type. ./read.ts takes a thin mark 4 page units long or longer (3 pt) for a
 * rule and ignores shorter ones as specks; but an underscore that TeX draws as a bar is about 0.4
 * em wide, so in type smaller than about 8 pt it is shorter than that, and the line read a space
 * where `_` is printed (asn1_create_element in a manual's small type). The threshold is relative
 * to the type instead: a short horizontal bar is kept when it is at least a fifth of an em (and at
 * most a tenth of an em thick) of a horizontal run of text whose line it stands on, at the
 * baseline, as ../../edition/importers/pdf-lines.ts reads underscores.
 */
import type { PdfRule, PdfRun } from '../../edition/importers/pdf-content.js';

/** Short bars kept as candidates on one page at most (a page of vector art draws many). */
export const MAX_SHORT_BARS = 5_000;

/** Rows of the page (in page units) that index the runs, so that each bar meets only its line's runs. */
const ROW = 16;

/** Whether `bar` stands on `run`'s line as an underscore of its type would (an em's fifth or more, by its baseline, within an em of its ends). */
function inType(bar: PdfRule, run: PdfRun): boolean {
  const em = run.size;
  return (
    bar.w >= em * 0.2 &&
    bar.h <= em * 0.1 &&
    bar.y + bar.h / 2 >= run.y + em * 0.55 &&
    bar.y <= run.y + run.h + em * 0.2 &&
    bar.x + bar.w >= run.x - em &&
    bar.x <= run.x + run.w + em
  );
}

/** The bars of `short` (thin, horizontal, shorter than a rule) that are underscore-sized for the text they stand in. */
export function barsInType(short: readonly PdfRule[], runs: readonly PdfRun[]): PdfRule[] {
  if (!short.length) return [];
  const rows = new Map<number, PdfRun[]>();
  for (const run of runs) {
    if (run.vertical) continue;
    // To the lowest a bar's middle can stand (inType): a fifth of an em under the run, and half a bar.
    const last = Math.floor((run.y + run.h + run.size * 0.3) / ROW);
    for (let row = Math.floor(run.y / ROW); row <= last; row++) {
      const list = rows.get(row);
      if (list) list.push(run);
      else rows.set(row, [run]);
    }
  }
  return short.filter((bar) => {
    const row = Math.floor((bar.y + bar.h / 2) / ROW);
    return rows.get(row)?.some((run) => inType(bar, run)) ?? false;
  });
}
