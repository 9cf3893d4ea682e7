import { ARTICLE_PARTS } from '../../edition/constants.js';
import type { Article, ArticleBlock, ArticlePart } from '../../edition/schema.js';

/** The parts a block shows, in the order newspapers set them. */
export function blockParts(block: ArticleBlock): ArticlePart[] {
  if (!block.parts) return [...ARTICLE_PARTS];
  const wanted = new Set(block.parts);
  return ARTICLE_PARTS.filter((part) => wanted.has(part));
}

/** The body paragraphs a block sets. */
export function blockParagraphs(article: Article, block: ArticleBlock): string[] {
  const [from, to] = block.paragraphs ?? [0, article.paragraphs.length];
  return article.paragraphs.slice(from, to);
}
