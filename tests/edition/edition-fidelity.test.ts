/**
 * Fidelity of the shipped A1 edition to the user's source text.
 *
 * The source (tests/fixtures/zhuzhou-daily-2021-01-08-A1.md, a verbatim copy of
 * shared/source/zhuzhou-daily-2021-01-08-A1.md) is the authority: the edition may change its
 * structure, never a character of its text. This test rebuilds every article independently from
 * the numbered source lines, applying the mending rules of shared/source/README.md, and compares
 * the edition JSON with that reconstruction.
 */
import { expect } from '@open-wc/testing';
import { validateEdition } from '../../src/edition/validate.js';
import type { Article, Edition } from '../../src/edition/schema.js';

const EDITION_URL = new URL('../../demo/editions/zhuzhou-daily-2021-01-08.json', import.meta.url);
const SOURCE_URL = new URL('../fixtures/zhuzhou-daily-2021-01-08-A1.md', import.meta.url);

/**
 * Sentences cut by a column break (README rule 1): line `from` goes on, with no space, in line
 * `to`. 102→108 skips the headline that the transcription put inside the sentence (rule 2);
 * 157→130 joins the two halves of the feature that stands in two places (rule 4).
 */
const JOINS: ReadonlyArray<readonly [from: number, to: number]> = [
  [36, 38],
  [52, 54],
  [58, 60],
  [60, 62],
  [74, 76],
  [90, 92],
  [102, 108],
  [110, 112],
  [116, 118],
  [132, 134],
  [167, 169],
  [173, 175],
  [179, 181],
  [190, 192],
  [205, 207],
  [157, 130],
];

/** What each article takes from the source, by line number. */
interface ArticleSource {
  id: string;
  banner?: number;
  kicker?: number;
  headline: number;
  subheads?: number[];
  bylines?: number[];
  /** The first line of each body paragraph, in reading order; the joins supply the rest. */
  paragraphs: number[];
}

/**
 * The README's table of articles. Lines 66 and 183 hold kicker and headline in one line, split
 * at the single space (rule 3): see {@link headsOf}. Line 128 holds the photo caption and credit.
 */
const ARTICLES: ArticleSource[] = [
  { id: 'a1', headline: 29, bylines: [31, 32], paragraphs: [34, 36, 40] },
  { id: 'a2', headline: 42, subheads: [44, 46], paragraphs: [48, 50, 52, 56, 58, 64] },
  { id: 'a3', headline: 66, bylines: [68], paragraphs: [70, 72, 74, 78] },
  { id: 'a4', kicker: 80, headline: 82, bylines: [84], paragraphs: [86, 88, 90, 94, 96] },
  { id: 'a5', kicker: 104, headline: 106, bylines: [98], paragraphs: [100, 102, 110, 114, 116, 120, 122] },
  {
    id: 'a6',
    banner: 144,
    headline: 124,
    bylines: [146, 147],
    paragraphs: [149, 151, 153, 155, 157, 132, 136, 138, 140, 142],
  },
  { id: 'a7', headline: 159, subheads: [161], bylines: [163], paragraphs: [165, 167, 171, 173, 177, 179] },
  { id: 'a8', headline: 183, bylines: [185, 186], paragraphs: [188, 190, 194] },
  { id: 'a9', headline: 196, bylines: [198, 199], paragraphs: [201, 203, 205, 209, 211] },
];

/** Lines whose one space separates kicker and headline (README rule 3). */
const KICKER_HEADLINE_LINES = new Set([66, 183]);
const PHOTO_LINE = 128;
/** Masthead, ear and footer lines (README rules 6 and 7). */
const FIXED_LINES = [3, 5, 7, 8, 10, 12, 13, 15, 17, 19, 21, 23, 27, 213, 215, 216];

/** The source as numbered lines (1-based, as the README counts), markdown markers stripped. */
class Source {
  readonly lines: string[];

  constructor(markdown: string) {
    // Only markdown syntax goes: heading marks (#) and the two spaces of a hard line break.
    this.lines = markdown.split('\n').map((line) => line.replace(/^#+ /, '').replace(/ {2}$/, ''));
  }

  line(n: number): string {
    const text = this.lines[n - 1];
    if (!text) throw new Error(`source line ${n} is empty or missing`);
    return text;
  }

  /** The paragraph that starts at line `first`, with each cut sentence joined to its rest. */
  paragraph(first: number): string {
    const next = new Map(JOINS);
    let text = this.line(first);
    for (let n = next.get(first); n !== undefined; n = next.get(n)) text += this.line(n);
    return text;
  }

  /** The line numbers that paragraph `first` spans. */
  paragraphLines(first: number): number[] {
    const next = new Map(JOINS);
    const lines = [first];
    for (let n = next.get(first); n !== undefined; n = next.get(n)) lines.push(n);
    return lines;
  }

  /** All the text after the joins: every line, and every mended paragraph. */
  mendedText(): string {
    const paragraphs = ARTICLES.flatMap((article) => article.paragraphs.map((first) => this.paragraph(first)));
    return [...this.lines, ...paragraphs].join('\n');
  }
}

/** Splits `text` at its only space; the README says these lines hold exactly two parts. */
function splitAtSpace(text: string): [string, string] {
  const parts = text.split(' ');
  if (parts.length !== 2) throw new Error(`expected exactly one space in "${text}"`);
  return [parts[0], parts[1]];
}

/** Drops absent fields, so that objects compare by what they hold. */
function defined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The banner, kicker, headline, subheads and bylines the source gives an article. */
function headsOf(source: Source, article: ArticleSource) {
  let kicker = article.kicker === undefined ? undefined : source.line(article.kicker);
  let headline = source.line(article.headline);
  if (KICKER_HEADLINE_LINES.has(article.headline)) [kicker, headline] = splitAtSpace(headline);
  return defined({
    banner: article.banner === undefined ? undefined : source.line(article.banner),
    kicker,
    headline,
    subheads: article.subheads?.map((n) => source.line(n)),
    bylines: article.bylines?.map((n) => source.line(n)),
  });
}

function headsIn(article: Article) {
  const { banner, kicker, headline, subheads, bylines } = article;
  return defined({ banner, kicker, headline, subheads, bylines });
}

/** Every string value under `value`, with the path that leads to it. */
function stringsIn(value: unknown, path = ''): Array<[path: string, text: string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, path ? `${path}.${key}` : key));
  return [];
}

describe('the A1 edition (株洲日报 2021-01-08) against its source text', () => {
  let data: unknown;
  let edition: Edition;
  let source: Source;

  before(async () => {
    const [json, markdown] = await Promise.all([
      fetch(EDITION_URL).then((response) => response.json()),
      fetch(SOURCE_URL).then((response) => response.text()),
    ]);
    data = json;
    edition = json as Edition;
    source = new Source(markdown);
  });

  const articleById = (id: string): Article => {
    const article = edition.articles.find((a) => a.id === id);
    if (!article) throw new Error(`the edition has no article "${id}"`);
    return article;
  };

  it('is a valid edition', () => {
    expect(() => validateEdition(data)).not.to.throw();
  });

  it('has the nine articles in the order of the README table', () => {
    expect(edition.articles.map((a) => a.id)).to.deep.equal(ARTICLES.map((a) => a.id));
  });

  it('accounts for every non-empty source line exactly once (so the map above drops nothing)', () => {
    // Guards the test's own map: a body line missing from ARTICLES would go unchecked.
    const used = [
      ...FIXED_LINES,
      PHOTO_LINE,
      ...ARTICLES.flatMap((a) => [
        ...[a.banner, a.kicker, a.headline].filter((n): n is number => n !== undefined),
        ...(a.subheads ?? []),
        ...(a.bylines ?? []),
        ...a.paragraphs.flatMap((first) => source.paragraphLines(first)),
      ]),
    ].sort((a, b) => a - b);
    const nonEmpty = source.lines.flatMap((text, i) => (text ? [i + 1] : []));
    expect(used).to.deep.equal(nonEmpty);
  });

  for (const spec of ARTICLES) {
    describe(`article ${spec.id}`, () => {
      it(`has ${spec.paragraphs.length} paragraphs`, () => {
        expect(articleById(spec.id).paragraphs).to.have.length(spec.paragraphs.length);
      });

      it('holds each mended source paragraph whole, once, in reading order', () => {
        const paragraphs = articleById(spec.id).paragraphs;
        const expected = spec.paragraphs.map((first) => source.paragraph(first));
        for (const paragraph of expected) {
          const inThis = paragraphs.filter((p) => p === paragraph).length;
          const inAll = edition.articles.flatMap((a) => a.paragraphs).filter((p) => p === paragraph).length;
          expect(inThis, `in ${spec.id}: ${paragraph.slice(0, 20)}…`).to.equal(1);
          expect(inAll, `in the edition: ${paragraph.slice(0, 20)}…`).to.equal(1);
        }
        expect(paragraphs).to.deep.equal(expected);
      });

      it('has the banner, kicker, headline, subheads and bylines of the source', () => {
        expect(headsIn(articleById(spec.id))).to.deep.equal(headsOf(source, spec));
      });
    });
  }

  it('gives the feature its photo as a captioned placeholder, and no other article a photo', () => {
    // Line 128 is the caption (ending 。) followed by the credit; no photo file exists.
    const line = source.line(PHOTO_LINE);
    const cut = line.indexOf('。') + 1;
    // The aspect is the layout's (no photo file exists): the space the page keeps for it.
    expect(articleById('a6').photos).to.deep.equal([{ caption: line.slice(0, cut), credit: line.slice(cut), aspect: 1.2 }]);
    expect(edition.articles.filter((a) => a.photos).map((a) => a.id)).to.deep.equal(['a6']);
  });

  it('takes every masthead, ear and footer fact whole from its source line', () => {
    // README rules 6 and 7; each fact is printed as one line, or one half of a line split at its space.
    const line = (n: number) => source.line(n);
    const [wechat, wechatKind] = splitAtSpace(line(215));
    const [site, app] = splitAtSpace(line(216));
    expect({
      title: edition.title,
      issue: edition.issue,
      label: edition.pages[0].label,
      masthead: edition.masthead,
      ear: edition.ear,
      footer: edition.footer,
    }).to.deep.equal({
      title: line(3),
      issue: line(23),
      label: line(10),
      masthead: { titleLatin: line(5), publisher: line(7), serial: line(8) },
      ear: {
        yearMonth: line(15),
        day: line(17),
        weekday: line(19),
        lunarDate: line(21),
        issue: line(23),
        weather: line(12),
        temperature: line(13),
        pagesToday: line(27),
      },
      // No QR targets or addresses are given, so the channels have no url.
      footer: { prompt: line(213), channels: [{ name: wechat, kind: wechatKind }, { name: site }, { name: app }] },
    });
  });

  it('invents no text: every string is part of the mended source', () => {
    // Identifiers, dates, layout and font files are structure, not text; everything else must come from the source.
    const { format, id, date, lang, pages, fonts, ...content } = edition;
    void [format, id, date, lang, pages, fonts];
    const mended = source.mendedText();
    const strings = stringsIn(content).filter(([path]) => !/^articles\[\d+\]\.id$/.test(path));
    expect(strings.length).to.be.greaterThan(70);
    for (const [path, text] of strings) {
      expect(text.includes('\n'), `${path} spans lines`).to.equal(false);
      expect(mended.includes(text), `${path}: "${text}"`).to.equal(true);
    }
  });
});
