// The stand-in of a sliced face: a font with the characters of the publication's shared slices
// and the real face's metrics (advance widths, vertical metrics, its OpenType layout tables: the
// same kerning, punctuation trimming and vertical forms), whose glyphs are plain bars. Text set in
// it lays out exactly as in the real face, so the viewer draws with it the text too small to read
// at the scale a page is first shown (greeking, as DTP programs do below a size) and swaps in the
// real slices after `e-paper-ready` with nothing moving.
//
// How: harfbuzz (subset-font) cuts the real face to the characters, keeping every table; then the
// glyf and loca tables are written anew (each glyph a few horizontal bars in the real glyph's box,
// with the real glyph's ink; every ideograph one and the same shape, with the ideographs' mean ink,
// so that the file compresses to a few kilobytes), hmtx's left side bearings follow, and wawoff2
// compresses the font to woff2.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Bumped when the shapes change: part of the stand-in's cache key, so its file name changes. */
export const STAND_IN_VERSION = 2;

const u16 = (b, o) => b.readUInt16BE(o);
const i16 = (b, o) => b.readInt16BE(o);
const u32 = (b, o) => b.readUInt32BE(o);

/** The tables of an sfnt (TrueType outlines), by tag. */
export function readTables(sfnt) {
  const tables = new Map();
  const count = u16(sfnt, 4);
  for (let i = 0; i < count; i += 1) {
    const at = 12 + 16 * i;
    const tag = sfnt.toString('latin1', at, at + 4);
    tables.set(tag, sfnt.subarray(u32(sfnt, at + 8), u32(sfnt, at + 8) + u32(sfnt, at + 12)));
  }
  return tables;
}

/** Per glyph: its outline's box and ink (area in font units²), advance width; and the face's units per em. */
export function glyphMetrics(tables) {
  const head = tables.get('head');
  const unitsPerEm = u16(head, 18);
  const longLoca = i16(head, 50) === 1;
  const numGlyphs = u16(tables.get('maxp'), 4);
  const numHMetrics = u16(tables.get('hhea'), 34);
  const hmtx = tables.get('hmtx');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  const offset = (i) => (longLoca ? u32(loca, 4 * i) : 2 * u16(loca, 2 * i));
  const glyphs = [];
  for (let i = 0; i < numGlyphs; i += 1) {
    const advance = u16(hmtx, 4 * Math.min(i, numHMetrics - 1));
    const start = offset(i);
    const end = offset(i + 1);
    if (end <= start) {
      glyphs.push({ advance, empty: true });
      continue;
    }
    const g = glyf.subarray(start, end);
    const contours = i16(g, 0);
    const box = { xMin: i16(g, 2), yMin: i16(g, 4), xMax: i16(g, 6), yMax: i16(g, 8) };
    glyphs.push({ advance, empty: false, box, ink: contours > 0 ? simpleGlyphArea(g, contours) : undefined });
  }
  return { unitsPerEm, glyphs };
}

/**
 * The inked area of a simple TrueType glyph: its outline (quadratic curves as a few lines each)
 * filled by the non-zero rule along 64 scanlines (overlapping strokes counted once, as drawn).
 */
function simpleGlyphArea(g, contours) {
  const ends = Array.from({ length: contours }, (_, i) => u16(g, 10 + 2 * i));
  const points = ends[contours - 1] + 1;
  let at = 10 + 2 * contours;
  at += 2 + u16(g, at); // instructions
  const flags = [];
  while (flags.length < points) {
    const flag = g[at++];
    flags.push(flag);
    if (flag & 8) for (let n = g[at++]; n > 0; n -= 1) flags.push(flag);
  }
  const coords = (short, same) => {
    let value = 0;
    return flags.map((flag) => {
      if (flag & short) {
        const d = g[at++];
        value += flag & same ? d : -d;
      } else if (!(flag & same)) {
        value += i16(g, at);
        at += 2;
      }
      return value;
    });
  };
  const xs = coords(2, 16);
  const ys = coords(4, 32);
  const lines = [];
  let first = 0;
  for (const last of ends) {
    // The contour from an on-curve point (or the midpoint of two off-curve ones), segment by segment.
    const ring = [];
    for (let i = first; i <= last; i += 1) ring.push({ x: xs[i], y: ys[i], on: (flags[i] & 1) === 1 });
    first = last + 1;
    const full = [];
    ring.forEach((p, i) => {
      const q = ring[(i + 1) % ring.length];
      full.push(p);
      if (!p.on && !q.on) full.push({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, on: true });
    });
    const start = full.findIndex((p) => p.on);
    if (start < 0) continue;
    const seq = [...full.slice(start), ...full.slice(0, start)];
    for (let i = 0; i < seq.length;) {
      const p0 = seq[i];
      const c = seq[(i + 1) % seq.length];
      if (c.on) {
        lines.push([p0.x, p0.y, c.x, c.y]);
        i += 1;
        continue;
      }
      const p1 = seq[(i + 2) % seq.length];
      let prev = p0;
      for (let k = 1; k <= 4; k += 1) {
        const t = k / 4;
        const next = {
          x: (1 - t) ** 2 * p0.x + 2 * (1 - t) * t * c.x + t * t * p1.x,
          y: (1 - t) ** 2 * p0.y + 2 * (1 - t) * t * c.y + t * t * p1.y,
        };
        lines.push([prev.x, prev.y, next.x, next.y]);
        prev = next;
      }
      i += 2;
    }
  }
  const yMin = Math.min(...ys);
  const step = (Math.max(...ys) - yMin) / 64;
  let area = 0;
  for (let row = 0; row < 64; row += 1) {
    const y = yMin + (row + 0.5) * step;
    const crossings = [];
    for (const [x0, y0, x1, y1] of lines)
      if ((y0 <= y && y < y1) || (y1 <= y && y < y0)) crossings.push([x0 + ((y - y0) / (y1 - y0)) * (x1 - x0), y1 > y0 ? 1 : -1]);
    crossings.sort((m, n) => m[0] - n[0]);
    let winding = 0;
    let from = 0;
    for (const [x, dir] of crossings) {
      if (winding === 0) from = x;
      winding += dir;
      if (winding === 0) area += (x - from) * step;
    }
  }
  return area;
}

/** Bars, as [x0, y0, x1, y1], inside `box` with about `ink` units² of ink. */
export function barsFor(box, ink) {
  const width = box.xMax - box.xMin;
  const height = box.yMax - box.yMin;
  if (width <= 0 || height <= 0) return [];
  const fraction = Math.min(0.9, Math.max(0.05, ink / (width * height)));
  // One bar per quarter em of height at most 4: at a few device pixels, grey; zoomed, plain stripes.
  const count = Math.max(1, Math.min(4, Math.round(height / 250)));
  const pitch = height / count;
  const bar = Math.max(1, Math.round(pitch * fraction));
  const bars = [];
  for (let i = 0; i < count; i += 1) {
    const y0 = Math.round(box.yMin + i * pitch + (pitch - bar) / 2);
    bars.push([box.xMin, y0, box.xMax, y0 + bar]);
  }
  return bars;
}

/** A simple TrueType glyph of rectangles (clockwise: filled). */
function encodeGlyph(rects) {
  if (!rects.length) return Buffer.alloc(0);
  const points = rects.flatMap(([x0, y0, x1, y1]) => [
    [x0, y0],
    [x0, y1],
    [x1, y1],
    [x1, y0],
  ]);
  const head = Buffer.alloc(10 + 2 * rects.length + 2);
  head.writeInt16BE(rects.length, 0);
  head.writeInt16BE(Math.min(...points.map((p) => p[0])), 2);
  head.writeInt16BE(Math.min(...points.map((p) => p[1])), 4);
  head.writeInt16BE(Math.max(...points.map((p) => p[0])), 6);
  head.writeInt16BE(Math.max(...points.map((p) => p[1])), 8);
  rects.forEach((_, i) => head.writeUInt16BE(4 * i + 3, 10 + 2 * i));
  head.writeUInt16BE(0, 10 + 2 * rects.length); // no instructions
  const flags = Buffer.alloc(points.length, 1); // on curve, word coordinates
  const xy = Buffer.alloc(4 * points.length);
  let x = 0;
  let y = 0;
  points.forEach(([px], i) => (xy.writeInt16BE(px - x, 2 * i), (x = px)));
  points.forEach(([, py], i) => (xy.writeInt16BE(py - y, 2 * points.length + 2 * i), (y = py)));
  const glyph = Buffer.concat([head, flags, xy]);
  return glyph.length % 2 ? Buffer.concat([glyph, Buffer.alloc(1)]) : glyph;
}

const pad4 = (b) => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);
function checksum(b) {
  const p = pad4(b);
  let sum = 0;
  for (let i = 0; i < p.length; i += 4) sum = (sum + u32(p, i)) >>> 0;
  return sum;
}

/** An sfnt of `tables` (a Map tag → bytes), with its checksums. */
export function writeSfnt(tables) {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const log = Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(16 * 2 ** log, 6);
  header.writeUInt16BE(log, 8);
  header.writeUInt16BE(16 * count - 16 * 2 ** log, 10);
  let at = header.length;
  const bodies = [];
  tags.forEach((tag, i) => {
    const data = tables.get(tag);
    header.write(tag, 12 + 16 * i, 'latin1');
    header.writeUInt32BE(checksum(data), 16 + 16 * i);
    header.writeUInt32BE(at, 20 + 16 * i);
    header.writeUInt32BE(data.length, 24 + 16 * i);
    bodies.push(pad4(data));
    at += pad4(data).length;
  });
  const font = Buffer.concat([header, ...bodies]);
  const headAt = u32(header, 20 + 16 * tags.indexOf('head'));
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headAt + 8);
  return font;
}

/** Whether a glyph is an ideograph's: a full-width advance and a box across most of the em. */
const ideographic = (glyph, unitsPerEm) => glyph.advance === unitsPerEm && glyph.box && glyph.box.xMax - glyph.box.xMin > unitsPerEm / 2;

/**
 * The stand-in of `source` (the real face, TrueType) for `chars`: woff2 bytes, and what went in it
 * (the ink chosen, as a fraction of the em, and the ideographs' shared box). `ink` scales each
 * glyph's ink: a bar of a glyph's area draws greyer than the glyph's own strokes once both are
 * smaller than a pixel (scripts/stand-in-grey.mjs measures it).
 */
export async function makeStandIn(source, chars, { ink: inkScale = 1 } = {}) {
  const subsetFont = require('subset-font');
  const ttf = Buffer.from(await subsetFont(source, chars, { targetFormat: 'truetype' }));
  const tables = readTables(ttf);
  const { unitsPerEm, glyphs } = glyphMetrics(tables);
  // The ideographs' shared shape: their mean box and mean ink (composite glyphs have no area here).
  const ideographs = glyphs.filter((g) => ideographic(g, unitsPerEm) && g.ink !== undefined);
  const mean = (f) => Math.round(ideographs.reduce((sum, g) => sum + f(g), 0) / Math.max(1, ideographs.length));
  const shared = {
    box: { xMin: mean((g) => g.box.xMin), yMin: mean((g) => g.box.yMin), xMax: mean((g) => g.box.xMax), yMax: mean((g) => g.box.yMax) },
    ink: mean((g) => g.ink) * inkScale,
  };
  const sharedGlyph = encodeGlyph(barsFor(shared.box, shared.ink));

  const parts = [];
  const offsets = [0];
  const lsb = [];
  for (const glyph of glyphs) {
    let bytes;
    if (glyph.empty) bytes = Buffer.alloc(0);
    else if (ideographic(glyph, unitsPerEm)) bytes = sharedGlyph;
    else
      bytes = encodeGlyph(
        barsFor(glyph.box, inkScale * (glyph.ink ?? 0.3 * (glyph.box.xMax - glyph.box.xMin) * (glyph.box.yMax - glyph.box.yMin))),
      );
    parts.push(bytes);
    lsb.push(bytes.length ? i16(bytes, 2) : 0);
    offsets.push(offsets.at(-1) + bytes.length);
  }
  const loca = Buffer.alloc(4 * offsets.length);
  offsets.forEach((o, i) => loca.writeUInt32BE(o, 4 * i));
  const head = Buffer.from(tables.get('head'));
  head.writeInt16BE(1, 50); // long offsets
  const hmtx = Buffer.from(tables.get('hmtx'));
  const numHMetrics = u16(tables.get('hhea'), 34);
  lsb.forEach((value, i) => hmtx.writeInt16BE(value, i < numHMetrics ? 4 * i + 2 : 4 * numHMetrics + 2 * (i - numHMetrics)));
  // vmtx: the same vertical origin (top side bearing + the box's top) for the new boxes.
  const vmtx = tables.get('vmtx') && Buffer.from(tables.get('vmtx'));
  if (vmtx) {
    const numVMetrics = u16(tables.get('vhea'), 34);
    glyphs.forEach((glyph, i) => {
      if (glyph.empty || !parts[i].length) return;
      const at = i < numVMetrics ? 4 * i + 2 : 4 * numVMetrics + 2 * (i - numVMetrics);
      vmtx.writeInt16BE(i16(vmtx, at) + glyph.box.yMax - i16(parts[i], 8), at);
    });
  }
  const out = new Map(tables);
  if (vmtx) out.set('vmtx', vmtx);
  out.set('glyf', Buffer.concat(parts));
  out.set('loca', loca);
  out.set('head', head);
  out.set('hmtx', hmtx);
  out.delete('DSIG');
  // subset-font's own woff2 compressor (through fontverter): no dependency of our own.
  const wawoff2 = createRequire(createRequire(require.resolve('subset-font')).resolve('fontverter'))('wawoff2');
  const woff2 = Buffer.from(await wawoff2.compress(writeSfnt(out)));
  return { woff2, ink: shared.ink / unitsPerEm ** 2, box: shared.box, unitsPerEm };
}
