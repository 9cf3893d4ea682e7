// Scores an imported PDF edition against the edition that was printed (scripts/pdf-variants.js):
// articles matched by region overlap, then article F1, mean region IoU, headline exact match and
// body character error rate; for articles printed in parts on several pages, the parts (an
// article's region on one page) matched and scored apart, and the pages' jumps (转X版 / 上接X版)
// found as printed. Plain JS, used by the benchmark and by the Node tests.

const CELL = 4; // page units per raster cell when measuring overlap

/** The news articles (or the units of another `kind`) of an edition with their shapes per page (typeset blocks count as rects). */
export function newsShapes(edition, pageFiles = {}, kind = 'news') {
  const pages = edition.pages.map((page) => (page.src && pageFiles[page.src] ? pageFiles[page.src].page : page));
  const articles = [...edition.articles, ...Object.values(pageFiles).flatMap((f) => f.articles)];
  const byId = new Map(articles.filter((a) => (a.kind ?? 'news') === kind).map((a) => [a.id, { article: a, shapes: [] }]));
  pages.forEach((page, p) => {
    const regions =
      page.regions ??
      (page.blocks ?? []).filter((b) => b.kind === 'article').map((b) => ({ article: b.article, shapes: [{ rect: b.rect }] }));
    for (const region of regions) byId.get(region.article)?.shapes.push(...region.shapes.map((shape) => ({ page: p, shape })));
  });
  return [...byId.values()].filter((x) => x.shapes.length);
}

function inShape(shape, x, y) {
  if (shape.rect) return x >= shape.rect.x && x < shape.rect.x + shape.rect.w && y >= shape.rect.y && y < shape.rect.y + shape.rect.h;
  let inside = false;
  const pts = shape.polygon;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function bounds(shape) {
  if (shape.rect) return [shape.rect.x, shape.rect.y, shape.rect.x + shape.rect.w, shape.rect.y + shape.rect.h];
  const xs = shape.polygon.map((p) => p[0]);
  const ys = shape.polygon.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Raster cells (page:x:y) an article's shapes cover. */
function cells(entry) {
  const out = new Set();
  for (const { page, shape } of entry.shapes) {
    const [x0, y0, x1, y1] = bounds(shape);
    for (let y = Math.floor(y0 / CELL) * CELL + CELL / 2; y < y1; y += CELL)
      for (let x = Math.floor(x0 / CELL) * CELL + CELL / 2; x < x1; x += CELL) if (inShape(shape, x, y)) out.add(`${page}:${x}:${y}`);
  }
  return out;
}

export function iou(a, b) {
  let both = 0;
  for (const c of a) if (b.has(c)) both++;
  const union = a.size + b.size - both;
  return union ? both / union : 0;
}

/** Edit distance (insertions, deletions, substitutions) over code points. */
export function levenshtein(a, b) {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[t.length];
}

/** Each article's parts: its shapes on one page each, with their raster cells. */
function partsOf(entries) {
  return entries.flatMap((entry) =>
    [...new Set(entry.shapes.map((s) => s.page))].map((page) => {
      const part = { article: entry.article, page, shapes: entry.shapes.filter((s) => s.page === page) };
      return { ...part, cells: cells(part) };
    }),
  );
}

/** The pages' jumps, each with its page's index and the other page's index. */
function jumpsOf(edition) {
  const index = new Map(edition.pages.map((page, p) => [page.id, p]));
  return edition.pages.flatMap((page, p) =>
    (page.jumps ?? []).map((jump) => ({
      page: p,
      article: jump.article,
      end: jump.to !== undefined ? 'to' : 'from',
      other: index.get(jump.to ?? jump.from),
      text: jump.text,
    })),
  );
}

/** Units of `want` and `got` paired by region overlap (IoU ≥ 0.5), best first. */
function pair(want, got) {
  const pairs = [];
  for (const w of want)
    for (const g of got) {
      const value = iou(w.cells, g.cells);
      if (value >= 0.5) pairs.push({ w, g, value });
    }
  pairs.sort((a, b) => b.value - a.value);
  const used = new Set();
  const matches = [];
  for (const p of pairs)
    if (!used.has(p.w) && !used.has(p.g)) {
      used.add(p.w);
      used.add(p.g);
      matches.push(p);
    }
  return matches;
}

/** F1 of a matching; 1 when there was nothing to find and nothing was found. */
function f1(want, got, matched) {
  if (!want && !got) return 1;
  const precision = got ? matched / got : 0;
  const recall = want ? matched / want : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

/**
 * The scores of `found` (the import) against `truth` (the printed edition): for the news
 * articles, and for the advertisements (found as such, by region). A score with nothing to
 * measure (no news article on a page of advertisements) is null.
 */
export function score(truth, found) {
  const shaped = (edition, kind) => newsShapes(edition, {}, kind).map((x) => ({ ...x, cells: cells(x) }));
  const want = shaped(truth, 'news');
  const got = shaped(found, 'news');
  const matches = pair(want, got);
  const wantAds = shaped(truth, 'advertisement');
  const gotAds = shaped(found, 'advertisement');
  const adMatches = pair(wantAds, gotAds);
  let errors = 0;
  let chars = 0;
  const misses = [];
  for (const { w, g } of matches) {
    const a = w.article.paragraphs.join('\n');
    const b = g.article.paragraphs.join('\n');
    errors += levenshtein(b, a);
    chars += [...a].length;
    if (w.article.headline !== g.article.headline) misses.push(`headline: "${g.article.headline}" for "${w.article.headline}"`);
  }
  const none = !want.length && !got.length;
  const wantParts = partsOf(want);
  const gotParts = partsOf(got);
  const partMatches = pair(wantParts, gotParts);
  // A jump is found when the import's page has one of the matched article, the same end, page and line.
  const toFound = new Map(matches.map((m) => [m.w.article.id, m.g.article.id]));
  const foundJumps = jumpsOf(found);
  const wantJumps = jumpsOf(truth);
  const rightJumps = wantJumps.filter((w) =>
    foundJumps.some(
      (g) => g.page === w.page && g.article === toFound.get(w.article) && g.end === w.end && g.other === w.other && g.text === w.text,
    ),
  );
  for (const w of wantJumps)
    if (!rightJumps.includes(w)) misses.push(`jump: ${w.end} ${w.other} "${w.text}" of ${w.article} on page ${w.page} not found`);
  return {
    truth: want.length,
    found: got.length,
    matched: matches.length,
    f1: f1(want.length, got.length, matches.length),
    iou: none ? null : matches.length ? matches.reduce((n, m) => n + m.value, 0) / matches.length : 0,
    headlines: none
      ? null
      : matches.length
        ? matches.filter((m) => m.w.article.headline === m.g.article.headline).length / matches.length
        : 0,
    cer: none ? null : chars ? errors / chars : 1,
    parts: {
      truth: wantParts.length,
      found: gotParts.length,
      f1: f1(wantParts.length, gotParts.length, partMatches.length),
      iou: none ? null : partMatches.length ? partMatches.reduce((n, m) => n + m.value, 0) / partMatches.length : 0,
    },
    jumps: { truth: wantJumps.length, found: foundJumps.length, right: rightJumps.length },
    ads: {
      truth: wantAds.length,
      found: gotAds.length,
      matched: adMatches.length,
      f1: f1(wantAds.length, gotAds.length, adMatches.length),
    },
    misses,
  };
}
