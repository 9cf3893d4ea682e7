import type { Article, Edition, Page, Region } from './schema.js';
import { readingOrder } from './reading-order.js';

const ordered = new WeakMap<Page, Region[]>();

/**
 * The page's article regions. With the edition, in reading order (see {@link readingOrder}; only
 * news can be the lead, not a masthead or an advertisement), worked out once per page object
 * (pages are not changed in place); without it, as listed. A typeset page without explicit
 * regions takes each article's region from its blocks (one shape per block).
 */
export function regionsOf(page: Page, edition?: Edition): Region[] {
  const regions = page.regions ?? regionsFromBlocks(page);
  if (!edition) return regions;
  let inOrder = ordered.get(page);
  if (!inOrder) {
    const byId = articlesById(edition);
    ordered.set(page, (inOrder = readingOrder(page, regions, (id) => (byId.get(id)?.kind ?? 'news') === 'news')));
  }
  return inOrder;
}

function regionsFromBlocks(page: Page): Region[] {
  const byArticle = new Map<string, Region>();
  for (const block of page.blocks ?? []) {
    if (block.kind !== 'article') continue;
    const region = byArticle.get(block.article) ?? { article: block.article, shapes: [] };
    region.shapes.push({ rect: block.rect });
    byArticle.set(block.article, region);
  }
  return [...byArticle.values()];
}

const articleMaps = new WeakMap<Edition, Map<string, Article>>();

/** The edition's articles by id, made once per edition object (editions are not changed in place). */
export function articlesById(edition: Edition): Map<string, Article> {
  let byId = articleMaps.get(edition);
  if (!byId) articleMaps.set(edition, (byId = new Map(edition.articles.map((article) => [article.id, article]))));
  return byId;
}

/** The articles of a page in reading order. */
export function articlesOnPage(edition: Edition, page: Page): Article[] {
  const byId = articlesById(edition);
  return regionsOf(page, edition)
    .map((region) => byId.get(region.article))
    .filter((article): article is Article => article !== undefined);
}
