import type { Edition } from '../edition/schema.js';
import { articlesOnPage } from '../edition/regions.js';

/** Text folded for matching, with `map[i]` = the index in the original text of folded char i (and one final entry: its length). */
export interface Folded {
  folded: string;
  map: number[];
}

/** A match in the original text: `text.slice(start, end)`. */
export interface TextMatch {
  start: number;
  end: number;
}

export type SearchField = 'banner' | 'kicker' | 'headline' | 'subhead' | 'byline' | 'paragraph' | 'caption';

/** One text that matches (a headline, a paragraph, a caption…): where, and its first match in context. */
export interface SearchHit extends TextMatch {
  articleId: string;
  /** '' for an article on no page. */
  pageId: string;
  pageLabel: string;
  field: SearchField;
  /** Which subhead, byline, paragraph or photo (0 for the single fields). */
  index: number;
  /** Up to 24 characters each side, with '…' where cut. */
  before: string;
  match: string;
  after: string;
  /** How many matches this text has (1 or more); `start`, `end` and the context are of the first. */
  matches: number;
}

export interface SearchResult {
  /** One per text that matches, up to the limit. */
  hits: SearchHit[];
  /** Every text that matches, also those past the limit. */
  total: number;
  /** Every match in those texts. */
  matches: number;
}

/** Longest query that counts, in characters. */
export const MAX_QUERY = 100;
const CONTEXT = 24;

/*
 * One token per whitespace run (folded to one space), per format char (dropped: a soft hyphen or a
 * zero-width space must not break a match), or per code point with its combining marks, which NFKC
 * has to see together (e + U+0301 → é, as a query typed precomposed has it).
 */
const TOKENS = /(\s+)|(\p{Cf})|[^]\p{M}*/gu;

/** NFKC (full-width → half-width, compatibility forms), lower case, whitespace runs → one space. */
export function foldForSearch(text: string): Folded {
  let folded = '';
  const map: number[] = [];
  for (const token of text.matchAll(TOKENS)) {
    const out = token[1] ? ' ' : token[2] ? '' : token[0].normalize('NFKC').toLowerCase();
    folded += out;
    for (let i = 0; i < out.length; i++) map.push(token.index);
  }
  map.push(text.length);
  return { folded, map };
}

/* Folding is most of a search's time: each edition's folded texts are kept while it lives, so that only the first query pays. */
const folds = new WeakMap<Edition, Map<string, Folded>>();

const foldQuery = (query: string) => foldForSearch([...query].slice(0, MAX_QUERY).join('')).folded.trim();

function matchFolded({ folded, map }: Folded, q: string): TextMatch[] {
  const matches: TextMatch[] = [];
  if (!q) return matches;
  for (let i = folded.indexOf(q); i >= 0; i = folded.indexOf(q, i + 1)) {
    const start = map[i];
    // A match that ends inside a char's folded form takes the whole char: end at the next char.
    const last = map[i + q.length - 1];
    let j = i + q.length;
    while (map[j] === last) j++;
    // Two matches inside one expanded char (㍿ → 株式会社) would overlap in the original.
    if (start < (matches.at(-1)?.end ?? 0)) continue;
    matches.push({ start, end: map[j] });
    i += q.length - 1;
  }
  return matches;
}

/** Non-overlapping matches of the plain-text `query` (never a pattern) in `text`, as original offsets. */
export function findMatches(text: string, query: string): TextMatch[] {
  const q = foldQuery(query);
  return q ? matchFolded(foldForSearch(text), q) : [];
}

const isLow = (s: string, i: number) => (s.charCodeAt(i) & 0xfc00) === 0xdc00;

/**
 * The texts of the edition that match `query`, one hit each with its first match in context and
 * its count of matches: pages in edition order, each page's articles in reading order (an article
 * on several pages under the first), then the articles on no page; an article's fields in order.
 * `limit` caps the hits, not the counts.
 */
export function searchEdition(edition: Edition, query: string, { limit = 200 } = {}): SearchResult {
  const hits: SearchHit[] = [];
  let total = 0;
  let matchCount = 0;
  const q = foldQuery(query);
  if (!q) return { hits, total, matches: matchCount };
  const seen = new Set<string>();
  let cache = folds.get(edition);
  if (!cache) folds.set(edition, (cache = new Map<string, Folded>()));
  const groups = edition.pages.map(({ id, label }, i) => ({ id, label, articles: articlesOnPage(edition, edition.pages[i]) }));
  groups.push({ id: '', label: '', articles: edition.articles });
  for (const { id: pageId, label: pageLabel, articles } of groups) {
    for (const article of articles) {
      if (seen.has(article.id)) continue;
      seen.add(article.id);
      const fields: [SearchField, (string | undefined)[]][] = [
        ['banner', [article.banner]],
        ['kicker', [article.kicker]],
        ['headline', [article.headline]],
        ['subhead', article.subheads ?? []],
        ['byline', article.bylines ?? []],
        ['paragraph', article.paragraphs],
        ['caption', (article.photos ?? []).map((photo) => photo.caption)],
      ];
      for (const [field, texts] of fields) {
        texts.forEach((text, index) => {
          if (!text) return;
          let folded = cache.get(text);
          if (!folded) cache.set(text, (folded = foldForSearch(text)));
          const found = matchFolded(folded, q);
          if (!found.length) return;
          matchCount += found.length;
          if (total++ >= limit) return;
          const [{ start, end }] = found;
          let from = Math.max(0, start - CONTEXT);
          let to = Math.min(text.length, end + CONTEXT);
          // Never cut a surrogate pair in two.
          if (isLow(text, from)) from++;
          if (isLow(text, to)) to--;
          hits.push({
            articleId: article.id,
            pageId,
            pageLabel,
            field,
            index,
            start,
            end,
            before: (from ? '…' : '') + text.slice(from, start),
            match: text.slice(start, end),
            after: text.slice(end, to) + (to < text.length ? '…' : ''),
            matches: found.length,
          });
        });
      }
    }
  }
  return { hits, total, matches: matchCount };
}
