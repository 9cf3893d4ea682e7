/**
 * Continued articles on PDF pages (转X版 / 上接第X版): the jump lines each part prints, read from
 * its text, and the parts joined into one article in the format's way (schema.ts, `JumpSchema`):
 * one article with a region on each page it is printed on, its text joined in page order without
 * the jump lines, and each page's `jumps` giving the line as printed (`to` where it breaks off,
 * `from` where it goes on). A part in the middle (上接A1版 … 转A3版) is both. A jump line whose
 * other end is not found (its page is not in the input, or no article there names this page back)
 * stays in the text, with a warning that names the page and the line. Pure.
 */
import type { Article, Jump, Page } from '../schema.js';
import { LIMITS } from '../schema.js';
import type { ImportWarning } from './common.js';
import { fitArticle } from './pdf-limits.js';

/** A jump line read from a part's text: which end, the page label it names, the line as printed. */
export interface JumpLine {
  end: 'to' | 'from';
  label: string;
  line: string;
  /** The paragraph it stands in. */
  at: number;
  /** Set inside a paragraph (at its end for 转, its start for 上接) rather than as a paragraph of its own. */
  inline: boolean;
}

/** One part of an article as found on a page, with the jump lines its text holds. */
export type Part = Article & {
  page: number;
  jumps: JumpLine[];
  /** Printed without a headline of its own (its block starts with 上接…): its `headline` is that jump line. */
  headless?: boolean;
};

/** What the page reports say of a jump line: the article (its id in the edition), the page named, the line. */
export interface JumpReport {
  article: string;
  to?: string;
  from?: string;
  line: string;
  /** Its other end was found: the line went into the page's `jumps`; else it stayed in the text. */
  matched: boolean;
}

const LABEL = String.raw`(?:第\s*)?([A-Za-z]?\d{1,3})\s*版`;
const TO = String.raw`(?:下转|转至|转)\s*${LABEL}`;
const FROM = String.raw`(?:上接|接上|接)\s*${LABEL}`;
/** A paragraph that is a jump line: "（下转A2版）", "转第3版", "（上接A1版）", "接第2版". */
const WHOLE_TO = new RegExp(String.raw`^[（(]?\s*${TO}\s*[)）]?$`, 'u');
const WHOLE_FROM = new RegExp(String.raw`^[（(]?\s*${FROM}\s*[)）]?$`, 'u');
/** A jump line set on at the end (转) or the start (上接) of a paragraph: only in brackets, as papers print it. */
const TAIL_TO = new RegExp(String.raw`\s*[（(]\s*${TO}\s*[)）]$`, 'u');
const HEAD_FROM = new RegExp(String.raw`^[（(]\s*${FROM}\s*[)）]\s*`, 'u');

/**
 * The jump lines of a part's `paragraphs`: the last 转 and the first 上接, each a paragraph of its
 * own, or in brackets at the end of the last paragraph (转) or the start of the first (上接).
 */
export function readJumps(paragraphs: readonly string[]): JumpLine[] {
  let to: JumpLine | undefined;
  let from: JumpLine | undefined;
  paragraphs.forEach((text, at) => {
    const whole = text.trim();
    const t = WHOLE_TO.exec(whole);
    const f = WHOLE_FROM.exec(whole);
    if (t) to = { end: 'to', label: t[1], line: whole, at, inline: false };
    else if (f) from ??= { end: 'from', label: f[1], line: whole, at, inline: false };
  });
  const last = paragraphs.length - 1;
  if (!to && last >= 0) {
    const t = TAIL_TO.exec(paragraphs[last]);
    if (t && t.index > 0) to = { end: 'to', label: t[1], line: t[0].trim(), at: last, inline: true };
  }
  if (!from && paragraphs.length) {
    const f = HEAD_FROM.exec(paragraphs[0]);
    if (f && f[0].length < paragraphs[0].length) from = { end: 'from', label: f[1], line: f[0].trim(), at: 0, inline: true };
  }
  return [from, to].filter((j): j is JumpLine => j !== undefined);
}

/** `paragraphs` without the jump lines `taken` (a paragraph that was only a jump line goes). */
export function withoutJumps(paragraphs: readonly string[], taken: readonly JumpLine[]): string[] {
  const out: (string | undefined)[] = [...paragraphs];
  for (const jump of taken) {
    const text = out[jump.at];
    if (text === undefined) continue;
    if (!jump.inline) out[jump.at] = undefined;
    else out[jump.at] = (jump.end === 'to' ? text.replace(TAIL_TO, '') : text.replace(HEAD_FROM, '')).trim() || undefined;
  }
  return out.filter((p): p is string => p !== undefined);
}

/** Whether a page labelled `label` is the one a jump line names (A2 for "A2", "2" or "02"). */
export const sameLabel = (label: string, named: string) =>
  label.toUpperCase() === named.toUpperCase() || (/^\d+$/.test(named) && label.replace(/^\D+0*/, '') === named.replace(/^0+/, ''));

const similar = (a: string, b: string) => a === b || a.includes(b) || b.includes(a);

/**
 * Joins the continued parts among `parts` (in page order) into one article each, in place: the
 * first part keeps its id and takes the others' text, photos, bylines, subheads and regions; `pages` get their
 * `jumps`. Returns the articles left and what each page's report says of its jump lines.
 */
export function joinContinuations(parts: Part[], pages: Page[], warnings: ImportWarning[]): { articles: Part[]; reports: JumpReport[][] } {
  const reports: JumpReport[][] = pages.map(() => []);
  const next = new Map<Part, Part>();
  const prev = new Map<Part, Part>();
  const jumpOf = (part: Part, end: 'to' | 'from') => part.jumps.find((j) => j.end === end);
  const label = (p: number) => pages[p].label;
  // Is `part` already before `other` in a chain (a link back would close a loop)?
  const leadsTo = (part: Part, other: Part) => {
    for (let at: Part | undefined = part; at; at = next.get(at)) if (at === other) return true;
    return false;
  };
  for (const first of parts) {
    const jump = jumpOf(first, 'to');
    if (!jump) continue;
    const target = pages.findIndex((page, p) => p !== first.page && sameLabel(page.label, jump.label));
    const candidates = parts.filter((a) => {
      const back = a.page === target && !prev.has(a) && jumpOf(a, 'from');
      return back && sameLabel(label(first.page), back.label) && !leadsTo(a, first);
    });
    const rest = candidates.find((a) => similar(a.headline, first.headline)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!rest) {
      const why =
        target < 0 ? `page ${jump.label} is not in the input` : `no article on ${label(target)} takes it up (上接${label(first.page)}版)`;
      warnings.push({
        path: `pages[${first.page}]`,
        message: `page ${label(first.page)}: the jump line "${jump.line}" of "${first.headline}": ${why}; the line stays in its text`,
      });
      continue;
    }
    next.set(first, rest);
    prev.set(rest, first);
  }
  for (const part of parts) {
    const jump = jumpOf(part, 'from');
    if (!jump || prev.has(part)) continue;
    const there = pages.findIndex((page, p) => p !== part.page && sameLabel(page.label, jump.label));
    const why = there < 0 ? `page ${jump.label} is not in the input` : `no article on ${label(there)} says it goes on here`;
    warnings.push({
      path: `pages[${part.page}]`,
      message: `page ${label(part.page)}: the jump line "${jump.line}" of ${part.headless ? 'a continuation without a headline' : `"${part.headline}"`}: ${why}; the line stays in its text`,
    });
  }

  const gone = new Set<Part>();
  for (const head of parts.filter((part) => next.has(part) && !prev.has(part))) {
    const chain: Part[] = [];
    for (let at: Part | undefined = head; at; at = next.get(at)) chain.push(at);
    const paragraphs: string[] = [];
    const photos: NonNullable<Article['photos']> = [];
    // A continuation's bylines and subheads (a part may print its own) are kept, once each.
    const bylines = new Set(head.bylines);
    const subheads = new Set(head.subheads);
    chain.forEach((part, i) => {
      const taken = [...(i > 0 ? [jumpOf(part, 'from')!] : []), ...(i < chain.length - 1 ? [jumpOf(part, 'to')!] : [])];
      paragraphs.push(...withoutJumps(part.paragraphs, taken));
      photos.push(...(part.photos ?? []));
      for (const byline of part.bylines ?? []) bylines.add(byline);
      for (const subhead of part.subheads ?? []) subheads.add(subhead);
      if (i === 0) return;
      gone.add(part);
      for (const region of pages[part.page].regions ?? []) if (region.article === part.id) region.article = head.id;
      if (!part.headless && !similar(part.headline, head.headline))
        warnings.push({
          path: `pages[${part.page}]`,
          message: `page ${label(part.page)}: the part of "${head.headline}" printed here under "${part.headline}": that headline left out (the article's is the first part's)`,
        });
    });
    head.paragraphs = paragraphs.length ? paragraphs : [head.headline];
    if (photos.length) head.photos = photos;
    if (bylines.size) head.bylines = [...bylines];
    if (subheads.size) head.subheads = [...subheads];
    // The format's limits, over the parts together: nothing cut without a warning.
    Object.assign(
      head,
      fitArticle(head, { path: `pages[${head.page}].${head.id}`, page: label(head.page), headline: head.headline }, warnings),
    );
    chain.slice(0, -1).forEach((part, i) => {
      const rest = chain[i + 1];
      const to = jumpOf(part, 'to')!;
      const from = jumpOf(rest, 'from')!;
      addJump(pages, part.page, { article: head.id, to: pages[rest.page].id, text: to.line }, warnings);
      addJump(pages, rest.page, { article: head.id, from: pages[part.page].id, text: from.line }, warnings);
    });
  }
  // What each page's report says: every jump line read, under the id its article has in the edition.
  const headOf = (part: Part): Part => (prev.has(part) ? headOf(prev.get(part)!) : part);
  for (const part of parts)
    for (const jump of part.jumps) {
      const matched = jump.end === 'to' ? next.has(part) : prev.has(part);
      reports[part.page].push({ article: headOf(part).id, [jump.end]: jump.label, line: jump.line, matched });
    }
  return { articles: parts.filter((part) => !gone.has(part)), reports };
}

export function addJump(pages: Page[], p: number, jump: Jump, warnings: ImportWarning[]): void {
  const jumps = (pages[p].jumps ??= []);
  if (jumps.length < LIMITS.jumpsPerPage) jumps.push(jump);
  else
    warnings.push({
      path: `pages[${p}].jumps`,
      message: `page ${pages[p].label}: more than ${LIMITS.jumpsPerPage} jump lines: ${jump.text ? `"${jump.text}"` : `the jump of ${jump.article}`} left out of its jumps`,
    });
}
