/**
 * The A1 edition's subset fonts (written by scripts/subset-fonts.mjs): every character the page
 * prints is in the font of its role, every listed file loads as a web font, and the fonts stay
 * within the page's byte budget.
 */
import { expect } from '@open-wc/testing';
import type { Edition, FontRole } from '../src/edition/schema.js';
import { ROLE_TEXT, roleText } from '../scripts/font-roles.js';

const EDITION_URL = new URL('../demo/editions/zhuzhou-daily-2021-01-08.json', import.meta.url);
const COVERAGE_URL = new URL('../demo/editions/zhuzhou-daily-2021-01-08/fonts/coverage.json', import.meta.url);
const BUDGET = 600 * 1024;

/** The printable characters of the text each role sets (line breaks and controls draw nothing). */
const printed = (text: string) =>
  [...new Set(Array.from(text))].filter((ch) => ch.codePointAt(0)! >= 0x20 && !/[\u007f-\u009f\u2028\u2029]/.test(ch));

/** Code points a CSS unicode-range names. */
function rangeCodePoints(range: string): Set<number> {
  const points = new Set<number>();
  for (const part of range.split(',')) {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    for (let cp = parseInt(from, 16); cp <= parseInt(to ?? from, 16); cp += 1) points.add(cp);
  }
  return points;
}

describe('edition fonts', () => {
  let edition: Edition;
  let coverage: Record<FontRole, string>;

  before(async () => {
    edition = await (await fetch(EDITION_URL)).json();
    coverage = await (await fetch(COVERAGE_URL)).json();
  });

  it('ships a font for every role', () => {
    for (const role of Object.keys(ROLE_TEXT)) {
      expect(
        edition.fonts?.some((font) => font.role === role),
        `a ${role} font`,
      ).to.equal(true);
    }
  });

  it("covers every character of each role's text", () => {
    for (const role of Object.keys(ROLE_TEXT) as FontRole[]) {
      const covered = new Set(Array.from(coverage[role] ?? ''));
      const text = roleText(edition, role);
      expect(text.length, `${role} text`).to.be.above(0);
      const missing = printed(text).filter((ch) => !covered.has(ch));
      expect(missing.join(''), `${role} characters without a glyph`).to.equal('');
    }
  });

  it("lists in each role's unicode-ranges exactly the characters it covers", () => {
    for (const role of Object.keys(ROLE_TEXT) as FontRole[]) {
      const ranged = new Set<number>();
      for (const font of edition.fonts!.filter((f) => f.role === role)) {
        for (const cp of rangeCodePoints(font.unicodeRange!)) {
          expect(ranged.has(cp), `${role}: U+${cp.toString(16)} in two files`).to.equal(false);
          ranged.add(cp);
        }
      }
      const covered = Array.from(coverage[role]).map((ch) => ch.codePointAt(0)!);
      expect(
        [...ranged].sort((a, b) => a - b),
        role,
      ).to.deep.equal(covered.sort((a, b) => a - b));
    }
  });

  it('loads every font file as a web font', async () => {
    for (const [index, font] of edition.fonts!.entries()) {
      const url = new URL(font.src, EDITION_URL);
      const face = new FontFace(`fonts-test-${index}`, `url("${url.href}") format("woff2")`, {
        weight: String(font.weight ?? 400),
        unicodeRange: font.unicodeRange ?? 'U+0-10FFFF',
      });
      await face.load();
      expect(face.status, font.src).to.equal('loaded');
    }
  });

  it(`keeps the fonts under ${BUDGET / 1024} KiB`, async () => {
    let total = 0;
    for (const font of edition.fonts!) {
      const response = await fetch(new URL(font.src, EDITION_URL));
      expect(response.ok, font.src).to.equal(true);
      total += (await response.arrayBuffer()).byteLength;
    }
    expect(total).to.be.above(0);
    expect(total).to.be.below(BUDGET);
  });
});
