import { svg, nothing, type SVGTemplateResult } from 'lit';
import type { Article, Page, Region, Shape } from '../../edition/schema.js';
import { isolate, type UiStrings } from '../../i18n/strings.js';

/** The accessible name of an article's region: its kicker or banner, then the headline. */
export function regionLabel(article: Article): string {
  return [article.banner, article.kicker, article.headline].filter(Boolean).join(' ');
}

const shapeTemplate = (shape: Shape): SVGTemplateResult =>
  'rect' in shape
    ? svg`<rect class="shape" x=${shape.rect.x} y=${shape.rect.y} width=${shape.rect.w} height=${shape.rect.h}></rect>`
    : svg`<polygon class="shape" points=${shape.polygon.map(([x, y]) => `${x},${y}`).join(' ')}></polygon>`;

/** A small check mark in the top corner of an article already read. */
function readBadge(shape: Shape): SVGTemplateResult {
  const [x, y] =
    'rect' in shape ? [shape.rect.x + shape.rect.w - 20, shape.rect.y + 24] : [shape.polygon[0][0] + 20, shape.polygon[0][1] + 24];
  return svg`<g class="read-badge" aria-hidden="true" transform="translate(${x} ${y})">
    <circle r="13"></circle><path d="M -6 0 L -2 5 L 7 -5"></path>
  </g>`;
}

export interface RegionLayerOptions {
  page: Page;
  regions: Region[];
  articles: Map<string, Article>;
  read: ReadonlySet<string>;
  /** The UI strings: the mark of an article read, and the list's name ("A1 版文章"). */
  strings: Pick<UiStrings, 'read' | 'regionsLabel'>;
}

/**
 * The article regions over the page, one focusable group per article in reading order, so that
 * hovering or focusing any of its shapes highlights them all together. The layer is a list and
 * each region an item of it: a bare `<svg>` is an image to assistive technology, and buttons
 * inside an image are read as parts of a picture, not as the page's articles.
 */
export function regionLayer({ page, regions, articles, read, strings }: RegionLayerOptions): SVGTemplateResult {
  return svg`<svg class="regions" part="regions" viewBox="0 0 ${page.width} ${page.height}" width=${page.width} height=${page.height}
    role="list" aria-label=${strings.regionsLabel(page.label)}>
    ${regions.map((region) => {
      const article = articles.get(region.article);
      if (!article) return nothing;
      const isRead = read.has(article.id);
      const name = isRead ? `${isolate(regionLabel(article))} (${strings.read})` : regionLabel(article);
      return svg`<g role="listitem"><g class="region ${isRead ? 'read' : ''}" part="region${isRead ? ' region-read' : ''}" role="button" tabindex="0"
        data-article-id=${article.id} aria-label=${name}>${region.shapes.map(shapeTemplate)}${isRead ? readBadge(region.shapes[0]) : nothing}</g></g>`;
    })}
  </svg>`;
}
