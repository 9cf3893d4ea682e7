import type { Page, Region, Shape } from './schema.js';

/** A bounding box in page units: left, top, right, bottom (an array: the smallest code). */
export type Box = [number, number, number, number];

/** The bounding box of a region's shapes. */
export function boxOf(shapes: readonly Shape[]): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const shape of shapes) {
    const { rect } = shape as { rect?: { x: number; y: number; w: number; h: number } };
    const points = rect
      ? [
          [rect.x, rect.y],
          [rect.x + rect.w, rect.y + rect.h],
        ]
      : (shape as { polygon: [number, number][] }).polygon;
    for (const [x, y] of points) {
      xs.push(x);
      ys.push(y);
    }
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

interface Item {
  region: Region;
  box: Box;
}

/**
 * Recursive cuts, columns before bands: stories that fall apart into columns (along x: axis 0)
 * are read one column after the other, left to right; those that fall apart only into bands
 * (along y: axis 1), top to bottom; those that do neither (overlapping shapes), by their tops.
 * Each box is shrunk by `slack` first, so that shapes that touch or overlap by a hair (a scan's
 * regions, drawn by hand or by OCR) still fall apart.
 */
function columnOrder(items: Item[], slack: number): Item[] {
  if (items.length < 2) return items;
  for (const axis of [0, 1]) {
    const groups: Item[][] = [];
    let end = -Infinity;
    for (const item of [...items].sort((a, b) => a.box[axis] - b.box[axis])) {
      const from = item.box[axis];
      const to = item.box[axis + 2];
      const inset = Math.min(slack, (to - from) / 4);
      if (from + inset >= end) groups.push([]);
      groups[groups.length - 1].push(item);
      end = Math.max(end, to - inset);
    }
    if (groups.length > 1) return groups.flatMap((group) => columnOrder(group, slack));
  }
  return [...items].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

/**
 * The regions in the order a reader reads the page: the order the page states (`articleOrder`)
 * first, then the rest from the layout: the lead story (头条: of the news stories that start in
 * the top third of the page, the one with the largest headline where the page says, else the largest)
 * first, then column by column, each top to bottom, left to right, as a horizontally set Chinese
 * newspaper is read. Pure: the same page gives the same order, whatever order its blocks or
 * regions are listed in.
 */
export function readingOrder(page: Page, regions: readonly Region[], isNews: (articleId: string) => boolean = () => true): Region[] {
  const stated = (page.articleOrder ?? []).flatMap((id) => regions.filter((region) => region.article === id));
  const headlines = new Map<string, number>();
  for (const block of page.blocks ?? [])
    if (block.kind === 'article') headlines.set(block.article, Math.max(block.headlineSize ?? 0, headlines.get(block.article) ?? 0));
  const weight = ({ region, box }: Item) => [headlines.get(region.article) ?? 0, (box[2] - box[0]) * (box[3] - box[1])];
  let lead: Item | undefined;
  const items: Item[] = [];
  for (const region of regions) {
    if (stated.includes(region)) continue;
    const item = { region, box: boxOf(region.shapes) };
    items.push(item);
    if (item.box[1] >= page.height / 3 || !isNews(region.article)) continue;
    const [size, area] = weight(item);
    const [leadSize, leadArea] = lead ? weight(lead) : [-1, -1];
    if (size > leadSize || (size === leadSize && area > leadArea)) lead = item;
  }
  // A hundredth of the page's width: gutters are wider, a scan's stray overlaps narrower.
  const rest = columnOrder(
    items.filter((item) => item !== lead),
    page.width / 100,
  );
  return [...stated, ...(lead ? [lead] : []), ...rest].map((item) => ('box' in item ? item.region : item));
}
