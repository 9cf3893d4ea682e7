import type { Page, Region, Shape } from './schema.js';

/** A region's bounding box in page units. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The bounding box of a region's shapes. */
export function boxOf(shapes: readonly Shape[]): Box {
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const shape of shapes) {
    const points: (readonly [number, number])[] =
      'rect' in shape
        ? [
            [shape.rect.x, shape.rect.y],
            [shape.rect.x + shape.rect.w, shape.rect.y + shape.rect.h],
          ]
        : shape.polygon;
    for (const [x, y] of points) {
      box.left = Math.min(box.left, x);
      box.top = Math.min(box.top, y);
      box.right = Math.max(box.right, x);
      box.bottom = Math.max(box.bottom, y);
    }
  }
  return box;
}

interface Item {
  region: Region;
  box: Box;
}

/**
 * Where the items can be cut apart along an axis: the boundaries of the gaps that no item
 * crosses, each item shrunk by `slack` first so that shapes that touch or overlap by a hair (a
 * scan's regions are drawn by hand or by OCR) still fall apart.
 */
function cut(items: Item[], axis: 'x' | 'y', slack: number): Item[][] | undefined {
  const [from, to] = axis === 'x' ? (['left', 'right'] as const) : (['top', 'bottom'] as const);
  const sorted = [...items].sort((a, b) => a.box[from] - b.box[from]);
  const groups: Item[][] = [];
  let end = -Infinity;
  for (const item of sorted) {
    const start = item.box[from] + Math.min(slack, (item.box[to] - item.box[from]) / 4);
    if (groups.length === 0 || start >= end) groups.push([item]);
    else groups[groups.length - 1].push(item);
    end = Math.max(end, item.box[to] - Math.min(slack, (item.box[to] - item.box[from]) / 4));
  }
  return groups.length > 1 ? groups : undefined;
}

/**
 * Recursive cuts, columns before rows: a set of stories that splits into columns is read one
 * column after the other, left to right; one that splits only into bands is read top to bottom;
 * one that splits neither way (overlapping shapes) is read by its tops, then lefts.
 */
function columnOrder(items: Item[], slack: number): Item[] {
  if (items.length < 2) return items;
  const groups = cut(items, 'x', slack) ?? cut(items, 'y', slack);
  if (groups) return groups.flatMap((group) => columnOrder(group, slack));
  return [...items].sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
}

/**
 * The page's lead story (头条): of the stories that start in the top third of the page, the one
 * with the largest headline where the page says (typeset blocks), else the largest in area.
 */
function leadOf(items: Item[], page: Page, headlineSizes: Map<string, number>): Item | undefined {
  const near = items.filter((item) => item.box.top < page.height / 3);
  const area = (item: Item) => (item.box.right - item.box.left) * (item.box.bottom - item.box.top);
  const headline = (item: Item) => headlineSizes.get(item.region.article) ?? 0;
  return near.reduce<Item | undefined>(
    (best, item) =>
      !best || headline(item) > headline(best) || (headline(item) === headline(best) && area(item) > area(best)) ? item : best,
    undefined,
  );
}

/**
 * The regions in the order a reader reads the page: the order the page states
 * (`articleOrder`) first, then the rest from the layout: the lead story first, then column by
 * column, each top to bottom, left to right, as a horizontally set Chinese newspaper is read.
 * Pure: the same page gives the same order.
 */
export function readingOrder(page: Page, regions: readonly Region[]): Region[] {
  const byArticle = new Map(regions.map((region) => [region.article, region]));
  const stated = (page.articleOrder ?? []).map((id) => byArticle.get(id)).filter((region): region is Region => region !== undefined);
  const statedSet = new Set(stated);
  const items = regions.filter((region) => !statedSet.has(region)).map((region) => ({ region, box: boxOf(region.shapes) }));
  const headlineSizes = new Map<string, number>();
  for (const block of page.blocks ?? [])
    if (block.kind === 'article' && block.headlineSize)
      headlineSizes.set(block.article, Math.max(block.headlineSize, headlineSizes.get(block.article) ?? 0));
  const lead = leadOf(items, page, headlineSizes);
  // A hundredth of the page's width: gutters are wider, a scan's stray overlaps narrower.
  const slack = page.width / 100;
  const rest = columnOrder(
    items.filter((item) => item !== lead),
    slack,
  );
  return [...stated, ...(lead ? [lead.region] : []), ...rest.map((item) => item.region)];
}
