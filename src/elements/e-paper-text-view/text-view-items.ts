import { isPageRef } from '../../edition/page-ref.js';
import { articlesOnPage } from '../../edition/regions.js';
import type { Article, Edition, Page } from '../../edition/schema.js';

/** A page of the text view: its articles in reading order, or `undefined` while its page file loads. */
export interface TextViewPage {
  page: Page;
  articles?: readonly Article[];
}

/** How many characters of the body a summary takes at most (then it ends at a sentence, or with …). */
export const SUMMARY_CHARS = 120;

/** A text that ends in a full-width character (CJK): the next paragraph follows without a space. */
const WIDE_END = /[\u2e80-\uffef]$/u;

/** Sentence ends of Chinese and Western text. */
const SENTENCE_END = /[。！？!?…]|\.(?=\s|$)/g;

/**
 * The edition's pages with their articles for the text view: every page in order, each with its
 * articles in reading order, only the kinds the reader counts (`readingOrder`: news by default),
 * so that advertisements and the masthead are not listed as articles. Pure.
 */
export function textViewPages(edition: Edition): TextViewPage[] {
  const kinds = edition.readingOrder ?? ['news'];
  return edition.pages.map((page) =>
    isPageRef(page) ? { page } : { page, articles: articlesOnPage(edition, page).filter((a) => kinds.includes(a.kind ?? 'news')) },
  );
}

/**
 * The first sentences of an article's body, up to about {@link SUMMARY_CHARS} characters: whole
 * sentences when the first ends in time, else the first sentence cut with an ellipsis. Empty when
 * the article has no text of its own (an importer puts the headline as the only paragraph of an
 * image-only region). Pure.
 */
export function summaryOf(article: Article): string {
  const paragraphs = article.paragraphs.map((p) => p.trim()).filter((p) => p && p !== article.headline.trim());
  // Chinese runs on from one paragraph to the next; a Western text after a space.
  const body = paragraphs.reduce((text, p) => (text && !WIDE_END.test(text) ? `${text} ${p}` : text + p), '');
  if (!body) return '';
  if ([...body].length <= SUMMARY_CHARS) return body;
  let end = 0;
  for (const match of body.matchAll(SENTENCE_END)) {
    const at = match.index + match[0].length;
    if ([...body.slice(0, at)].length > SUMMARY_CHARS) break;
    end = at;
  }
  return end ? body.slice(0, end) : `${[...body].slice(0, SUMMARY_CHARS).join('').trimEnd()}…`;
}
