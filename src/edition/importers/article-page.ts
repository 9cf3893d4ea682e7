/**
 * The article page a 数字报 image map links to, read for its text. Such pages come from a few
 * publishing systems with their own markup, so the parts are found by a documented rule rather
 * than one template (first match wins):
 *
 * - the content: `<founder-content>`, `#ozoom`, `<article>`, an element whose class names
 *   content or article text, else `<body>`;
 * - headline: `<founder-title>`, `<h1>`, `.title`/`.headline`; kicker (引题): `<founder-pretitle>`,
 *   `.pretitle`/`.kicker`, an `<h3>` before the headline; subheads (副题): `<founder-subtitle>`,
 *   `.subtitle`, `<h2>`, an `<h3>` after the headline;
 * - bylines: `<founder-author>`, `.author`/`.byline`, and short paragraphs that start with
 *   记者, 本报记者, 通讯员, 作者, 文/, By;
 * - paragraphs: the content's `<p>`s, else its text split at `<br>`;
 * - photos: the content's `<img>`s, with the `<figcaption>` or `.caption` beside them.
 */
import { clean, decodePath } from './common.js';

export interface ArticlePage {
  kicker?: string;
  headline?: string;
  subheads: string[];
  bylines: string[];
  paragraphs: string[];
  photos: { src: string; alt?: string; caption?: string }[];
}

const BYLINE = /^(本报记者|记者|通讯员|本报通讯员|作者|文\s*[/／]|By\s)/;

const byTag = (root: Document | Element, name: string): Element[] => Array.from(root.getElementsByTagName(name));
const classOf = (el: Element) => ` ${(el.getAttribute('class') ?? '').toLowerCase()} `;
const hasClass = (root: Document | Element, pattern: RegExp): Element[] => byTag(root, '*').filter((el) => pattern.test(classOf(el)));
const textOf = (el: Element | undefined) => (el ? clean(el.textContent ?? '') : '');

/** `src` from a page at `pageHref` as a path relative to the map page (both relative to one folder), or as is when absolute. */
export function relativeTo(pageHref: string, src: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(src) || src.startsWith('//')) return src;
  // Resolved from a folder deep enough that `../` never runs out, then made relative to it again.
  const base = new URL('https://e-paper.invalid/0/1/2/3/4/5/6/7/8/9/');
  const url = new URL(src, new URL(pageHref, base));
  if (url.origin !== base.origin) return url.href;
  const from = base.pathname.split('/').slice(1, -1);
  const to = decodePath(url.pathname).split('/').slice(1);
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  return [...from.slice(same).map(() => '..'), ...to.slice(same)].join('/') + url.search;
}

/** Whether `a` comes before `b` in the document. */
const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & 4) !== 0;

/** Reads an article page (parsed HTML) by the rule above. `href` is the page's own, for its images. */
export function readArticlePage(doc: Document, href: string): ArticlePage {
  const body = doc.body ?? doc.documentElement;
  const content =
    byTag(doc, 'founder-content')[0] ??
    doc.getElementById?.('ozoom') ??
    byTag(doc, 'article')[0] ??
    hasClass(doc, /\s(content|article[-_]?(text|body|content)|text[-_]?content)\s/)[0] ??
    body;
  const first = (...candidates: (Element | undefined)[]) => candidates.find((el) => textOf(el));
  const h1 = byTag(doc, 'h1')[0];
  const headlineEl = first(byTag(doc, 'founder-title')[0], h1, hasClass(doc, /\s(title|headline)\s/)[0]);
  const h3s = byTag(doc, 'h3');
  const kickerEl = first(
    byTag(doc, 'founder-pretitle')[0],
    hasClass(doc, /\s(pretitle|kicker|yt)\s/)[0],
    headlineEl ? h3s.find((h) => before(h, headlineEl)) : undefined,
  );
  const subheadEls = [
    ...byTag(doc, 'founder-subtitle'),
    ...hasClass(doc, /\s(subtitle|fbt)\s/),
    ...byTag(doc, 'h2'),
    ...(headlineEl ? h3s.filter((h) => before(headlineEl, h)) : []),
  ];
  const bylineEls = [...byTag(doc, 'founder-author'), ...hasClass(doc, /\s(author|byline)\s/)];
  const used = new Set<Element>([headlineEl, kickerEl, ...subheadEls, ...bylineEls].filter((el): el is Element => !!el));
  const inUsed = (el: Element) => {
    for (let up: Element | null = el; up; up = up.parentElement) if (used.has(up)) return true;
    return false;
  };
  const inCaption = (el: Element) => {
    for (let up: Element | null = el; up && up !== content; up = up.parentElement)
      if (up.tagName.toLowerCase() === 'figcaption' || /\scaption\s/.test(classOf(up))) return true;
    return false;
  };

  const bylines = bylineEls.map(textOf).filter(Boolean);
  const paragraphs: string[] = [];
  let ps = byTag(content, 'p').filter((p) => !inUsed(p) && !inCaption(p));
  // Nested paragraphs would count twice: keep the innermost.
  ps = ps.filter((p) => !ps.some((other) => other !== p && p.contains(other)));
  const texts = ps.length
    ? ps.map(textOf)
    : (content.innerHTML ?? '').split(/<br\s*\/?>/i).map((part) =>
        clean(
          part
            .replace(/<[^>]*>/g, '')
            .replace(/&nbsp;/g, ' ')
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>'),
        ),
      );
  for (const text of texts) {
    if (!text) continue;
    if (BYLINE.test(text) && text.length <= 60 && !bylines.includes(text)) bylines.push(text);
    else paragraphs.push(text);
  }
  const photos = byTag(content, 'img')
    .filter((img) => img.getAttribute('src'))
    .map((img) => {
      const figure = img.closest?.('figure');
      const captionEl =
        (figure && byTag(figure, 'figcaption')[0]) ??
        [img.parentElement?.nextElementSibling, img.nextElementSibling].find((el) => el && /\scaption\s/.test(classOf(el))) ??
        undefined;
      const caption = textOf(captionEl ?? undefined) || undefined;
      const alt = clean(img.getAttribute('alt') ?? '') || undefined;
      return { src: relativeTo(href, img.getAttribute('src')!.trim()), ...(alt && { alt }), ...(caption && { caption }) };
    });
  const headline = textOf(headlineEl) || undefined;
  return {
    kicker: textOf(kickerEl) || undefined,
    headline,
    subheads: subheadEls.map(textOf).filter((t) => t && t !== headline),
    bylines,
    paragraphs,
    photos,
  };
}
