/**
 * Fonts in shared slices (scripts/font-slicer.mjs, the editions of demo/editions/sliced/): the
 * viewer fetches only the slices whose characters the page in view prints, draws the page in the
 * edition's faces, and tells a failed slice only when the page needs it; the editions list their
 * slices without overlap, and the next day's edition reuses the first day's files.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import { editionFontFamily } from '../../src/edition/fonts.js';
import type { Edition, EditionFont, FontRole } from '../../src/edition/schema.js';
import type { EPaperEventMap } from '../../src/events/events.js';
import { ROLE_TEXT, roleText } from '../../scripts/font-roles.js';
import { mountViewer } from '../helpers.js';

const SLICED = new URL('../../demo/editions/sliced/', import.meta.url);
const ROLES = Object.keys(ROLE_TEXT) as FontRole[];

const load = async (name: string): Promise<Edition> => (await fetch(new URL(name, SLICED))).json();

/** Code points a CSS unicode-range names. */
function rangeCodePoints(range: string): Set<number> {
  const points = new Set<number>();
  for (const part of range.split(',')) {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    for (let cp = parseInt(from, 16); cp <= parseInt(to ?? from, 16); cp += 1) points.add(cp);
  }
  return points;
}

/** The font files (absolute URLs) of `fonts` whose range meets the text each role prints in `edition`. */
function needed(fonts: EditionFont[], edition: Edition): Set<string> {
  const urls = new Set<string>();
  for (const font of fonts) {
    const range = rangeCodePoints(font.unicodeRange!);
    if (Array.from(roleText(edition, font.role)).some((ch) => range.has(ch.codePointAt(0)!))) urls.add(new URL(font.src, SLICED).href);
  }
  return urls;
}

/**
 * The A1's own files, and every shared slice the other editions list (not their "other" files,
 * which may hold the same characters as the A1's): absolute URLs.
 */
async function everySlice(a1: Edition): Promise<EditionFont[]> {
  // The real faces: not the stand-ins and page cuts (font-stand-in.test.ts).
  const fonts = new Map(a1.fonts!.filter(real).map((font) => [font.src, font]));
  for (const name of ['next-day.json', 'common-characters.json'])
    for (const font of (await load(name)).fonts!) if (font.kind === 'slice') fonts.set(font.src, font);
  return [...fonts.values()].map((font) => ({ ...font, src: new URL(font.src, SLICED).href }));
}

/** A file of the real faces: a shared slice or an edition's "other" characters. */
const real = (font: EditionFont) => font.kind === 'slice' || font.kind === 'other';

/** The A1 with one article left on its page (and in the edition): a page that prints few characters. */
function oneArticle(a1: Edition): Edition {
  const kept = a1.articles[0];
  const blocks = a1.pages[0].blocks!.filter((block) => block.kind !== 'article' || block.article === kept.id);
  return { ...a1, articles: [kept], pages: [{ ...a1.pages[0], blocks, regions: undefined }] };
}

/** The slice files the document has fetched so far. */
const fetched = () =>
  new Set(
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(new URL('fonts/', SLICED).href)),
  );

describe('an edition whose fonts are shared slices', () => {
  it('fetches only the slices the page prints, and draws the page in them', async () => {
    // The A1's text, listing every slice there is: some of them it never prints.
    const a1 = await load('zhuzhou-daily-2021-01-08.json');
    const every = await everySlice(a1);
    const small = oneArticle(a1);
    const edition = { ...small, id: `sliced-${Date.now()}`, fonts: every };
    const before = fetched();
    expect(before.size, 'no slice fetched before the viewer').to.equal(0);
    const el = await mountViewer<EPaper>((viewer) => (viewer.edition = edition));
    try {
      const want = needed(every, small);
      const got = fetched();
      expect(want.size, 'the page needs some slices, not all').to.be.within(1, every.length * 0.7);
      expect(
        [...got].filter((url) => !want.has(url)),
        'slices fetched that the page does not print',
      ).to.deep.equal([]);
      expect(
        [...want].filter((url) => !got.has(url)),
        'slices the page prints, not fetched by ready',
      ).to.deep.equal([]);
      for (const role of ROLES) {
        const family = editionFontFamily(edition, role);
        const faces = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family);
        const weight = every.find((font) => font.role === role)!.weight;
        expect(document.fonts.check(`${weight} 1em "${family}"`, roleText(small, role)), `${role} text in the edition's face`).to.equal(
          true,
        );
        expect(faces.filter((face) => face.status === 'loaded').length, `${role}: faces loaded`).to.equal(
          [...want].filter((url) => url.includes(`/fonts/${role}/`)).length,
        );
      }
    } finally {
      el.remove();
    }
  });

  it('tells a failed slice the page prints, and not one it does not', async () => {
    const a1 = await load('zhuzhou-daily-2021-01-08.json');
    const fonts = await everySlice(a1);
    const want = needed(fonts, a1);
    const printed = fonts.find((font) => font.role === 'body' && want.has(font.src))!;
    const unprinted = fonts.find((font) => font.role === 'body' && !want.has(font.src))!;
    printed.src = new URL('fonts/body/missing-printed.woff2', SLICED).href;
    unprinted.src = new URL('fonts/body/missing-unprinted.woff2', SLICED).href;
    const errors: EPaperEventMap['e-paper-error'][] = [];
    const warn = console.warn;
    console.warn = () => {};
    let el: EPaper;
    try {
      el = await mountViewer<EPaper>((viewer) => {
        viewer.addEventListener('e-paper-error', (event) => errors.push(event.detail));
        viewer.edition = { ...a1, id: `sliced-failure-${Date.now()}`, fonts };
      });
    } finally {
      console.warn = warn;
    }
    el.remove();
    expect(errors.map((error) => [error.cause, error.url])).to.deep.equal([['font', printed.src]]);
  });

  it('lists each character in one slice at most, and the next day reuses the first day’s files', async () => {
    const day1 = await load('zhuzhou-daily-2021-01-08.json');
    const day2 = await load('next-day.json');
    const all = await load('common-characters.json');
    for (const edition of [day1, day2, all]) {
      expect(edition.fonts!.length, edition.id).to.be.within(1, 400);
      for (const role of ROLES) {
        const seen = new Set<number>();
        for (const font of edition.fonts!.filter((f) => f.role === role && real(f)))
          for (const cp of rangeCodePoints(font.unicodeRange!)) {
            expect(seen.has(cp), `${edition.id} ${role}: U+${cp.toString(16)} in two files`).to.equal(false);
            seen.add(cp);
          }
        const printed = Array.from(roleText(edition, role)).filter((ch) => /\p{Script=Han}/u.test(ch));
        expect(printed.filter((ch) => !seen.has(ch.codePointAt(0)!)).join(''), `${edition.id} ${role}: printed, in no file`).to.equal('');
      }
      for (const font of edition.fonts!.filter((f) => f.kind !== 'page'))
        expect(font.src, 'in the publication’s folder').to.match(/^fonts\/(body|headline|masthead)\/[\w-]+\.woff2$/);
    }
    // Every file of the 3,500 characters' edition but its "other" ones is a shared slice.
    const common = new Set(Array.from(all.articles.map((a) => (a.paragraphs ?? []).join('')).join('')));
    expect([...common].filter((ch) => /\p{Script=Han}/u.test(ch)).length, 'the test edition prints the 3,500').to.be.at.least(3500);
    const shared = (edition: Edition) => new Set(edition.fonts!.filter((f) => f.kind === 'slice').map((f) => f.src));
    const reused = [...shared(day2)].filter((src) => shared(day1).has(src));
    expect(reused.length / shared(day2).size, 'slices of the next day already listed the first').to.be.above(0.8);
    for (const src of shared(day2)) {
      const response = await fetch(new URL(src, SLICED), { method: 'HEAD' });
      expect(response.ok, src).to.equal(true);
    }
  });
});
