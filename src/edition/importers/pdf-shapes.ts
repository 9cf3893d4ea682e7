/**
 * An article's pieces on a page (rectangles) as region shapes: pieces that touch, or stand a
 * gutter apart, are one polygon (an L-shaped article is one shape, as a reader sees it);
 * pieces apart are rectangles of their own. Pure geometry.
 */
import type { Shape } from '../schema.js';
import type { Box } from './pdf-content.js';
import { round } from './common.js';

/** `boxes` as shapes; gaps up to `bridge` between two pieces are closed. */
export function shapesOf(boxes: Box[], bridge: number): Shape[] {
  const rect = (b: Box): Shape => ({ rect: { x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h) } });
  if (boxes.length < 2) return boxes.map(rect);
  const xs = [...new Set(boxes.flatMap((b) => [b.x, b.x + b.w]))].sort((a, b) => a - b);
  const ys = [...new Set(boxes.flatMap((b) => [b.y, b.y + b.h]))].sort((a, b) => a - b);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  const covered = (i: number, j: number) =>
    boxes.some((b) => b.x <= xs[i] + 1e-6 && b.x + b.w >= xs[i + 1] - 1e-6 && b.y <= ys[j] + 1e-6 && b.y + b.h >= ys[j + 1] - 1e-6);
  const grid = Array.from({ length: rows }, (_, j) => Array.from({ length: cols }, (_, i) => covered(i, j)));
  // Close gutters: a narrow strip of cells between two covered cells of a row (or a column).
  for (let j = 0; j < rows; j++)
    for (let i = 1; i < cols - 1; i++)
      if (!grid[j][i] && xs[i + 1] - xs[i] <= bridge && grid[j][i - 1] && grid[j][i + 1]) grid[j][i] = true;
  for (let i = 0; i < cols; i++)
    for (let j = 1; j < rows - 1; j++)
      if (!grid[j][i] && ys[j + 1] - ys[j] <= bridge && grid[j - 1][i] && grid[j + 1][i]) grid[j][i] = true;
  const loops = outline(grid, xs, ys);
  return loops.length === 1 ? [{ polygon: loops[0].map(([x, y]) => [round(x), round(y)] as [number, number]) }] : boxes.map(rect);
}

/** The boundary loops of the covered cells, clockwise on screen, without collinear points. */
function outline(grid: boolean[][], xs: number[], ys: number[]): [number, number][][] {
  const on = (i: number, j: number) => j >= 0 && j < grid.length && i >= 0 && i < grid[0].length && grid[j][i];
  // Directed edges between grid corners (i, j), keeping the inside on the right.
  const next = new Map<string, [number, number]>();
  const key = (i: number, j: number) => `${i},${j}`;
  for (let j = 0; j < grid.length; j++)
    for (let i = 0; i < grid[0].length; i++) {
      if (!grid[j][i]) continue;
      if (!on(i, j - 1)) next.set(key(i, j), [i + 1, j]);
      if (!on(i + 1, j)) next.set(key(i + 1, j), [i + 1, j + 1]);
      if (!on(i, j + 1)) next.set(key(i + 1, j + 1), [i, j + 1]);
      if (!on(i - 1, j)) next.set(key(i, j + 1), [i, j]);
    }
  const loops: [number, number][][] = [];
  while (next.size) {
    const [start] = next.keys();
    const corners: [number, number][] = [];
    let at = start;
    for (let guard = 0; guard < 100_000 && next.has(at); guard++) {
      const [i, j] = at.split(',').map(Number);
      corners.push([i, j]);
      const to = next.get(at)!;
      next.delete(at);
      at = key(to[0], to[1]);
    }
    const points = corners
      .filter((p, k) => {
        const a = corners[(k - 1 + corners.length) % corners.length];
        const b = corners[(k + 1) % corners.length];
        return !((a[0] === p[0] && p[0] === b[0]) || (a[1] === p[1] && p[1] === b[1]));
      })
      .map(([i, j]) => [xs[i], ys[j]] as [number, number]);
    if (points.length >= 4) loops.push(points);
  }
  return loops;
}
