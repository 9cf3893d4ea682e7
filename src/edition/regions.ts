import type { Article, Edition, Page, Region } from './schema.js';
import { readingOrder } from './reading-order.js';

const ordered = new WeakMap<Page, Region[]>();

/**
 * The page's article regions in reading order (see {@link readingOrder}), worked out once per page
 * object (pages are not changed in place). A typeset page without explicit regions takes each
 * article's region from its blocks (one shape per block).
 */
export function regionsOf(page: Page): Region[] {
  let regions = ordered.get(page);
  if (!regions) ordered.set(page, (regions = readingOrder(page, page.regions ?? regionsFromBlocks(page))));
  return regions;
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
  return regionsOf(page)
    .map((region) => byId.get(region.article))
    .filter((article): article is Article => article !== undefined);
}
