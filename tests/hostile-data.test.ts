// Hostile data: the validator's limits (caps, ids, numbers, shapes, nesting), a property test
// (fast-check) over random and mutated editions, and a corpus of injection payloads rendered
// through every string field of the edition.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../src/elements/e-paper-reader/e-paper-reader.js';
import { EditionError, parseEdition, validateEdition } from '../src/edition/validate.js';
import { LIMITS, type Edition } from '../src/edition/schema.js';
import { loadA1, partsLoaded } from './helpers.js';

type Json = Record<string, unknown>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });

/** The A1 edition with its fonts at absolute paths, so that they load whatever the base URL. */
async function a1(): Promise<Edition> {
  const edition = await loadA1();
  for (const font of edition.fonts ?? []) font.src = `/demo/editions/${font.src}`;
  return edition;
}

/** The validator's findings as `path: message`; fails the test if it accepts the data or throws anything else. */
function rejections(data: unknown, text = false): string[] {
  try {
    if (text) parseEdition(data as string);
    else validateEdition(data);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(EditionError);
    return (error as EditionError).problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  }
  throw new Error('the validator accepted invalid data');
}

/** `rejections` of the A1 edition after `change`. */
async function rejectionsOf(change: (edition: Edition & Json) => void): Promise<string[]> {
  const edition = (await a1()) as Edition & Json;
  change(edition);
  return rejections(edition);
}

const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
};

const minimalArticle = (id: string) => ({ id, headline: 'H', paragraphs: ['P'] });
const rect = (x = 0, y = 0, w = 10, h = 10) => ({ rect: { x, y, w, h } });

describe('hostile data: validation limits', () => {
  describe('caps', () => {
    it('pages', async () => {
      const messages = await rejectionsOf((e) => {
        for (let i = 0; i < LIMITS.pages; i++) e.pages.push({ id: `p${i}`, label: 'P', width: 100, height: 100, blocks: [] });
      });
      expect(messages).to.include(`pages: expected at most ${LIMITS.pages} pages, got ${LIMITS.pages + 1}`);
    });

    it('articles', async () => {
      const messages = await rejectionsOf((e) => {
        for (let i = e.articles.length; i <= LIMITS.articles; i++) e.articles.push(minimalArticle(`x${i}`));
      });
      expect(messages).to.include(`articles: expected at most ${LIMITS.articles} articles, got ${LIMITS.articles + 1}`);
    });

    it('regions per page', async () => {
      const messages = await rejectionsOf((e) => {
        e.pages[0].regions = Array.from({ length: LIMITS.regionsPerPage + 1 }, () => ({ article: 'a1', shapes: [rect()] }));
      });
      expect(messages).to.include(`pages[0].regions: expected at most ${LIMITS.regionsPerPage} regions, got ${LIMITS.regionsPerPage + 1}`);
    });

    it('blocks per page', async () => {
      const messages = await rejectionsOf((e) => {
        const block = e.pages[0].blocks![2];
        while (e.pages[0].blocks!.length <= LIMITS.blocksPerPage) e.pages[0].blocks!.push(structuredClone(block));
      });
      expect(messages).to.include(`pages[0].blocks: expected at most ${LIMITS.blocksPerPage} blocks, got ${LIMITS.blocksPerPage + 1}`);
    });

    it('points per polygon', async () => {
      const messages = await rejectionsOf((e) => {
        const polygon = Array.from({ length: LIMITS.pointsPerPolygon + 1 }, (_, i): [number, number] => [i % 100, Math.floor(i / 100)]);
        e.pages[0].regions = [{ article: 'a1', shapes: [{ polygon }] }];
      });
      expect(messages).to.include(
        `pages[0].regions[0].shapes[0].polygon: expected at most ${LIMITS.pointsPerPolygon} points, got ${LIMITS.pointsPerPolygon + 1}`,
      );
    });

    it('shapes per region', async () => {
      const messages = await rejectionsOf((e) => {
        e.pages[0].regions = [{ article: 'a1', shapes: Array.from({ length: LIMITS.shapesPerRegion + 1 }, () => rect()) }];
      });
      expect(messages).to.include(
        `pages[0].regions[0].shapes: expected at most ${LIMITS.shapesPerRegion} shapes, got ${LIMITS.shapesPerRegion + 1}`,
      );
    });

    it('paragraph length, number of paragraphs, short text', async () => {
      const long = await rejectionsOf((e) => {
        e.articles[0].paragraphs[0] = '长'.repeat(LIMITS.paragraphLength + 1);
      });
      expect(long).to.include(
        `articles[0].paragraphs[0]: expected a paragraph of at most ${LIMITS.paragraphLength} characters, got ${LIMITS.paragraphLength + 1}`,
      );
      const many = await rejectionsOf((e) => {
        e.articles[0].paragraphs = Array.from({ length: LIMITS.paragraphs + 1 }, () => '段');
      });
      expect(many).to.include(`articles[0].paragraphs: expected at most ${LIMITS.paragraphs} paragraphs, got ${LIMITS.paragraphs + 1}`);
      const headline = await rejectionsOf((e) => {
        e.articles[0].headline = 'h'.repeat(LIMITS.textLength + 1);
      });
      expect(headline).to.include(`articles[0].headline: expected at most ${LIMITS.textLength} characters, got ${LIMITS.textLength + 1}`);
    });

    it('text in one article, and text set on one page (blocks that repeat an article)', async () => {
      const paragraph = '字'.repeat(LIMITS.paragraphLength);
      const article = await rejectionsOf((e) => {
        e.articles[0].paragraphs = Array.from({ length: 30 }, () => paragraph);
      });
      expect(article).to.include(
        `articles[0].paragraphs: expected at most ${LIMITS.articleText} characters of text in an article, got ${30 * LIMITS.paragraphLength}`,
      );
      // 20 blocks that each set the same 400 000 characters: 8 million on the page from a file of 400 KB.
      const amplified = await rejectionsOf((e) => {
        e.articles[0].paragraphs = Array.from({ length: 20 }, () => paragraph);
        const block = e.pages[0].blocks!.find((b) => b.kind === 'article' && b.article === 'a1')!;
        for (let i = 0; i < 19; i++) e.pages[0].blocks!.push(structuredClone(block));
      });
      expect(amplified.join('\n')).to.contain(`pages[0].blocks: expected at most ${LIMITS.pageText} characters of text set on a page`);
    });

    it('footer channels, srcset images and block parts', async () => {
      const channels = await rejectionsOf((e) => {
        e.footer!.channels = Array.from({ length: LIMITS.channels + 1 }, (_, i) => ({ name: `c${i}` }));
      });
      expect(channels).to.include(`footer.channels: expected at most ${LIMITS.channels} channels, got ${LIMITS.channels + 1}`);
      const parts = await rejectionsOf((e) => {
        const block = e.pages[0].blocks!.find((b) => b.kind === 'article')! as { parts?: string[] };
        block.parts = Array.from({ length: 100_000 }, () => 'body');
      });
      expect(parts.join('\n')).to.match(/pages\[0\]\.blocks\[\d+\]\.parts: expected at most (7 parts|10000 items)/);
    });

    it('a list of millions of items is refused at once, before its items are looked at', async () => {
      const { value: messages, ms } = timed(() =>
        rejections({ ...({} as Json), format: 'e-paper-edition', articles: new Array(3_000_000).fill(0) }),
      );
      expect(messages).to.include(`articles: expected at most ${LIMITS.listItems} items, got 3000000`);
      expect(ms, 'refused quickly').to.be.below(1000);
      const polygon = new Array(3_000_000).fill([1, 1]);
      const points = await rejectionsOf((e) => {
        e.pages[0].regions = [{ article: 'a1', shapes: [{ polygon }] }];
      });
      expect(points).to.include(`pages[0].regions[0].shapes[0].polygon: expected at most ${LIMITS.listItems} items, got 3000000`);
    });

    it('a structure that unfolds to billions of values (shared lists) is refused quickly', async () => {
      let bomb: unknown = ['x'];
      for (let i = 0; i < 8; i++) bomb = new Array(1000).fill(bomb);
      const edition = { ...(await a1()), articles: bomb };
      const { value: messages, ms } = timed(() => rejections(edition));
      expect(messages).to.deep.equal([`expected at most ${LIMITS.values} values in the whole edition, but there are more`]);
      expect(ms).to.be.below(5000);
    });

    it('a typed array of ten million numbers is refused at once', async () => {
      const { value: messages, ms } = timed(() => rejections({ format: 'e-paper-edition', pages: new Float64Array(10_000_000) }));
      expect(messages).to.include('pages: expected a list or an object, got a typed array');
      expect(ms).to.be.below(500);
    });
  });

  describe('ids', () => {
    for (const bad of [1, null, true, {}, [], 1.5]) {
      it(`refuses an id that is not a string: ${JSON.stringify(bad)}`, async () => {
        const messages = await rejectionsOf((e) => {
          (e.articles[0] as Json).id = bad;
          (e.pages[0] as Json).id = bad;
        });
        expect(messages.join('\n')).to.match(/^articles\[0\]\.id: expected an id \(a string\), got /m);
        expect(messages.join('\n')).to.match(/^pages\[0\]\.id: expected an id \(a string\), got /m);
      });
    }

    it('refuses duplicate article and page ids', async () => {
      const messages = await rejectionsOf((e) => {
        e.articles[3].id = 'a1';
        e.pages.push({ ...structuredClone(e.pages[0]) });
      });
      expect(messages).to.include('articles[3].id: duplicate id "a1"');
      expect(messages).to.include('pages[1].id: duplicate id "A1"');
    });

    for (const reserved of ['__proto__', 'constructor', 'prototype']) {
      it(`refuses the id "${reserved}" for an article, a page and a reference`, async () => {
        const messages = await rejectionsOf((e) => {
          e.articles[0].id = reserved;
          e.pages[0].id = reserved;
          const block = e.pages[0].blocks!.find((b) => b.kind === 'article')! as { article: string };
          block.article = reserved;
        });
        const joined = messages.join('\n');
        // "__proto__" already fails the pattern (ids start with a letter or digit); the others are reserved words.
        const says = reserved === '__proto__' ? 'expected an id of letters, digits, _ . : -' : 'expected an id that is not a reserved word';
        expect(joined).to.contain(`articles[0].id: ${says}, got "${reserved}"`);
        expect(joined).to.contain(`pages[0].id: ${says}, got "${reserved}"`);
        expect(joined).to.match(new RegExp(`pages\\[0\\]\\.blocks\\[\\d+\\]\\.article: ${says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      });
    }

    it('refuses empty, spaced, overlong and bidi ids; the message escapes what it quotes', async () => {
      for (const [bad, says] of [
        ['', 'expected an id of letters, digits, _ . : -, got ""'],
        ['a 1', 'expected an id of letters, digits, _ . : -, got "a 1"'],
        ['a'.repeat(65), 'expected an id of at most 64 characters, got 65'],
        ['a\u202Eb', 'expected an id of letters, digits, _ . : -, got "a\\u202eb"'],
        ['\uD800', 'expected an id of letters, digits, _ . : -, got "\\ud800"'],
      ]) {
        const messages = await rejectionsOf((e) => {
          e.articles[0].id = bad;
        });
        expect(messages, JSON.stringify(bad)).to.include(`articles[0].id: ${says}`);
      }
    });

    it('"__proto__" in JSON text is an unexpected field, and pollutes nothing', async () => {
      const text = JSON.stringify(await a1())
        .replace('{"format"', '{"__proto__":{"polluted":1},"format"')
        .replace('"id":"a1",', '"id":"a1","__proto__":{"headline":"x","polluted":1},"constructor":{"prototype":{"polluted":1}},');
      const messages = rejections(text, true);
      expect(messages).to.include('__proto__: unexpected field');
      expect(messages).to.include('articles[0].__proto__: unexpected field');
      expect(({} as Json).polluted).to.equal(undefined);
      expect((Object.prototype as Json).polluted).to.equal(undefined);
    });
  });

  describe('numbers', () => {
    const cases: [string, (e: Edition & Json, bad: number) => void][] = [
      ['pages[0].blocks[0].rect.x', (e, bad) => (e.pages[0].blocks![0].rect.x = bad)],
      ['pages[0].blocks[1].rect.w', (e, bad) => (e.pages[0].blocks![1].rect.w = bad)],
      ['pages[0].width', (e, bad) => (e.pages[0].width = bad)],
      ['pageCount', (e, bad) => (e.pageCount = bad)],
      ['fonts[0].weight', (e, bad) => (e.fonts![0].weight = bad)],
      ['articles[5].photos[0].aspect', (e, bad) => (e.articles[5].photos![0].aspect = bad)],
      [
        'pages[0].regions[0].shapes[0].polygon[1][0]',
        (e, bad) =>
          (e.pages[0].regions = [
            {
              article: 'a1',
              shapes: [
                {
                  polygon: [
                    [0, 0],
                    [bad, 0],
                    [10, 10],
                  ],
                },
              ],
            },
          ]),
      ],
    ];
    for (const bad of [NaN, Infinity, -Infinity]) {
      it(`refuses ${bad} (possible in an .edition object, never in JSON) with its path`, async () => {
        for (const [path, change] of cases) {
          const messages = await rejectionsOf((e) => change(e, bad));
          // NaN is no number to valibot; ±Infinity is one, but not finite.
          const says = Number.isNaN(bad) ? 'expected a number' : 'expected a finite number';
          expect(messages.join('\n'), path).to.contain(`${path}: ${says}, got ${bad}`);
        }
        const range = await rejectionsOf((e) => {
          const block = e.pages[0].blocks!.find((b) => b.kind === 'article')! as { paragraphs?: number[] };
          block.paragraphs = [0, bad];
        });
        expect(range.join('\n')).to.match(/pages\[0\]\.blocks\[\d+\]\.paragraphs\[1\]: expected a (whole )?number, got -?(NaN|Infinity)/);
      });
    }

    it('refuses huge numbers, and accepts -0', async () => {
      const huge = await rejectionsOf((e) => {
        e.pages[0].blocks![0].rect.x = 1e308;
      });
      expect(huge).to.include(`pages[0].blocks[0].rect.x: expected a number of at most ${LIMITS.pageUnits}, got 1e+308`);
      const edition = await a1();
      edition.pages[0].blocks![0].rect.x = -0;
      expect(() => validateEdition(edition)).not.to.throw();
    });

    it('the viewer shows the path of a non-finite number handed over as .edition', async () => {
      const edition = await a1();
      edition.pages[0].blocks![2].rect.h = NaN;
      const el = document.createElement('e-paper') as EPaper;
      el.lang = 'en';
      el.noPersist = true;
      el.edition = edition;
      const failed = new Promise<CustomEvent>((resolve) =>
        el.addEventListener('e-paper-error', (e) => resolve(e as CustomEvent), { once: true }),
      );
      document.body.append(el);
      const { detail } = await failed;
      await el.updateComplete;
      expect(detail.cause).to.equal('invalid');
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain(
        'pages[0].blocks[2].rect.h: expected a number, got NaN',
      );
      el.remove();
    });
  });

  describe('shapes outside the page', () => {
    it('refuses regions and blocks outside the page, naming the path', async () => {
      const edition = await a1();
      const { width, height } = edition.pages[0];
      const messages = await rejectionsOf((e) => {
        e.pages[0].regions = [
          { article: 'a1', shapes: [rect(width - 5, 0, 10, 10)] },
          {
            article: 'a2',
            shapes: [
              {
                polygon: [
                  [0, 0],
                  [width + 1, 0],
                  [0, 10],
                ],
              },
            ],
          },
          { article: 'a3', shapes: [rect(0, height, 1, 1), rect(0, 0, 1, 1)] },
        ];
        e.pages[0].blocks![0].rect.y = height;
      });
      const size = `(${width} × ${height})`;
      expect(messages).to.include(`pages[0].regions[0].shapes[0]: expected a shape inside the page ${size}`);
      expect(messages).to.include(`pages[0].regions[1].shapes[0]: expected a shape inside the page ${size}`);
      expect(messages).to.include(`pages[0].regions[2].shapes[0]: expected a shape inside the page ${size}`);
      expect(messages).to.include(`pages[0].blocks[0].rect: expected a rectangle inside the page ${size}`);
      expect(messages.join('\n')).not.to.contain('regions[2].shapes[1]');
    });

    it('refuses negative coordinates', async () => {
      const messages = await rejectionsOf((e) => {
        e.pages[0].regions = [
          {
            article: 'a1',
            shapes: [
              {
                polygon: [
                  [0, 0],
                  [-1, 0],
                  [0, 10],
                ],
              },
            ],
          },
        ];
      });
      expect(messages).to.include('pages[0].regions[0].shapes[0].polygon[1][0]: expected a number of at least 0, got -1');
    });
  });

  describe('nesting and unreadable objects', () => {
    it('100000 nested arrays as JSON text: a clear error, at once', () => {
      const { value: messages, ms } = timed(() => rejections('['.repeat(100_000) + ']'.repeat(100_000), true));
      expect(messages).to.deep.equal([`expected at most ${LIMITS.nesting} levels of nesting`]);
      expect(ms).to.be.below(500);
    });

    it('ten million nested arrays (20 MB, JSON.parse alone would take seconds and hundreds of MB): refused before parsing', () => {
      const text = '['.repeat(10_000_000) + ']'.repeat(10_000_000);
      const { value: messages, ms } = timed(() => rejections(text, true));
      expect(messages).to.deep.equal([`expected at most ${LIMITS.nesting} levels of nesting`]);
      expect(ms).to.be.below(2000);
    });

    it('nesting inside a field, brackets inside strings do not count', async () => {
      const edition = (await a1()) as Edition & Json;
      const text = JSON.stringify({ ...edition, junk: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' });
      expect(rejections(text, true)).to.deep.equal(['junk: unexpected field']);
      const deep = JSON.stringify(edition).replace('"paragraphs":[', `"paragraphs":[${'['.repeat(1000)}${']'.repeat(1000)},`);
      expect(rejections(deep, true)).to.deep.equal([`expected at most ${LIMITS.nesting} levels of nesting`]);
    });

    it('a deeply nested object and a cyclic object handed over as .edition', async () => {
      let deep: unknown = 'x';
      for (let i = 0; i < 100_000; i++) deep = [deep];
      const messages = await rejectionsOf((e) => {
        (e.articles[0] as Json).paragraphs = deep;
      });
      expect(messages.join('\n')).to.match(/^articles\[0\]\.paragraphs(\[0\])+: expected at most 16 levels of nesting$/m);
      const cyclic = (await a1()) as Edition & Json;
      (cyclic.articles[0] as Json).self = cyclic;
      expect(rejections(cyclic).join('\n')).to.contain(`expected at most ${LIMITS.nesting} levels of nesting`);
    });

    it('an object whose getter throws, a proxy that throws: EditionError all the same', async () => {
      const getter = (await a1()) as Edition & Json;
      Object.defineProperty(getter.articles[0], 'headline', {
        enumerable: true,
        get: () => {
          throw new Error('boom');
        },
      });
      expect(rejections(getter)).to.deep.equal(['the edition could not be read: boom']);
      const proxy = new Proxy(
        {},
        {
          ownKeys: () => {
            throw new TypeError('no keys for you');
          },
        },
      );
      expect(rejections(proxy)).to.deep.equal(['the edition could not be read: no keys for you']);
    });

    it('a host page that added an enumerable field to Object.prototype: editions still validate, and inherited fields are not data', async () => {
      const edition = await a1();
      const proto = Object.prototype as Json;
      proto.polluted = 1;
      try {
        expect(validateEdition(edition).articles).to.have.length(9);
        expect(Object.keys(Object.prototype), 'the host page’s field is back as it was').to.deep.equal(['polluted']);
      } finally {
        delete proto.polluted;
      }
      // An inherited `headline` does not stand in for a missing one.
      proto.headline = 'inherited';
      try {
        const data = structuredClone(edition) as Edition & Json;
        delete (data.articles[0] as Json).headline;
        expect(rejections(data)).to.include('articles[0].headline: required, but it is missing');
      } finally {
        delete proto.headline;
      }
    });

    it('unknown keys with bidi controls or absurd length are quoted safely in the path', async () => {
      const messages = await rejectionsOf((e) => {
        e['\u202Eevil'] = 1;
      });
      expect(messages).to.include('["\\u202eevil"]: unexpected field');
      const long = await rejectionsOf((e) => {
        e['k'.repeat(100_000)] = 1;
      });
      expect(long[0].length).to.be.below(200);
    });
  });
});

// ---- property tests -----------------------------------------------------------------------------

/** Strings that break naive code: lone surrogates, bidi controls, zero-width characters, controls, markup, absurd lengths. */
const ODD_CHARS = [
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\uFEFF',
  '\u061C',
  '\u0000',
  '\u0001',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u2028',
  '\u2029',
  '"',
  '\\',
  '<',
  '>',
  '&',
  "'",
  '`',
  '\n',
  '\t',
  '𠮷',
  '👨‍👩‍👧',
  'é',
  'ي',
];
const oddString = fc.oneof(
  fc.array(fc.constantFrom(...ODD_CHARS), { maxLength: 12 }).map((chars) => chars.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'javascript:alert(1)',
    '<script>window.__pwned=1</script>',
    'a'.repeat(401),
    'b'.repeat(20_001),
    'c'.repeat(100_000),
  ),
);
const oddNumber = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    1,
    -1,
    0.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_VALUE,
    2 ** 31,
    100_000,
    100_001,
  ),
  fc.double(),
  fc.integer(),
);
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddNumber,
  oddString,
  fc.constantFrom(null, undefined, true, false),
  fc.constant([]),
  fc.constant({}),
  fc.anything({
    maxDepth: 2,
    maxKeys: 4,
    withNullPrototype: true,
    withBigInt: true,
    withMap: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
);

type Mutation = { at: number; kind: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'replace', 'replace', 'wrap-in-array', 'array-to-object', 'to-string', 'to-number', 'duplicate', 'empty'),
  value: oddValue,
});

/** Every place in `root` (object fields and list items), as [parent, key]. */
function places(root: unknown): [Json | unknown[], string | number][] {
  const out: [Json | unknown[], string | number][] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((item, i) => (out.push([node, i]), visit(item)));
    else if (node && typeof node === 'object')
      for (const key of Object.keys(node)) (out.push([node as Json, key]), visit((node as Json)[key]));
  };
  visit(root);
  return out;
}

function mutate(edition: Json, mutations: Mutation[]): Json {
  for (const { at, kind, value } of mutations) {
    const all = places(edition);
    if (!all.length) break;
    const [parent, key] = all[at % all.length];
    const target = parent as Record<string | number, unknown>;
    const current = target[key];
    switch (kind) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete target[key];
        break;
      case 'replace':
        target[key] = value;
        break;
      case 'wrap-in-array':
        target[key] = [current];
        break;
      case 'array-to-object':
        target[key] = Array.isArray(current) ? { ...current } : current && typeof current === 'object' ? Object.values(current) : current;
        break;
      case 'to-string':
        target[key] = typeof current === 'object' ? (JSON.stringify(current) ?? 'undefined') : String(current);
        break;
      case 'to-number':
        target[key] = typeof current === 'string' ? Number(current) || current.length : Array.isArray(current) ? current.length : 42;
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.push(structuredClone(current));
        else target[key] = value;
        break;
      case 'empty':
        target[key] = Array.isArray(current) ? [] : typeof current === 'string' ? '' : current && typeof current === 'object' ? {} : 0;
        break;
    }
  }
  return edition;
}

/** Fields whose text is only shown, never parsed: safe to fill with odd strings and stay valid. */
const TEXT_KEYS = new Set([
  'title',
  'issue',
  'titleLatin',
  'publisher',
  'serial',
  'yearMonth',
  'day',
  'weekday',
  'lunarDate',
  'weather',
  'temperature',
  'pagesToday',
  'prompt',
  'name',
  'banner',
  'kicker',
  'headline',
  'label',
  'section',
  'caption',
  'credit',
  'alt',
]);
const LIST_TEXT_KEYS = new Set(['subheads', 'bylines', 'paragraphs']);

/** Odd text put into text fields only (the edition stays valid unless a string is too long or empty). */
function mutateText(edition: Json, at: number, text: string): void {
  const all = places(edition).filter(([parent, key]) => {
    if (Array.isArray(parent)) return false;
    const value = (parent as Json)[key];
    return (TEXT_KEYS.has(key as string) && typeof value === 'string') || (LIST_TEXT_KEYS.has(key as string) && Array.isArray(value));
  });
  const [parent, key] = all[at % all.length];
  const target = parent as Json;
  if (Array.isArray(target[key])) (target[key] as string[])[0] = text || 'x';
  else target[key] = text || 'x';
}

/** What the viewer relies on in an accepted edition. */
function checkAccepted(edition: Edition): void {
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'number') expect(Number.isFinite(node), `${path} is finite`).to.equal(true);
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      expect(Object.getPrototypeOf(node), `${path} is a plain object`).to.equal(Object.prototype);
      for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`);
    } else expect(['string', 'boolean', 'undefined'], `${path}`).to.include(typeof node);
  };
  walk(edition, 'edition');
  const ids = new Set(edition.articles.map((a) => a.id));
  expect(ids.size).to.equal(edition.articles.length);
  for (const page of edition.pages) {
    for (const block of page.blocks ?? []) {
      expect(block.rect.x + block.rect.w).to.be.at.most(page.width + 1e-6);
      expect(block.rect.y + block.rect.h).to.be.at.most(page.height + 1e-6);
      if (block.kind === 'article') expect(ids.has(block.article)).to.equal(true);
    }
    for (const region of page.regions ?? []) expect(ids.has(region.article)).to.equal(true);
  }
  // An accepted edition survives JSON and is accepted again.
  expect(() => parseEdition(JSON.stringify(edition))).not.to.throw();
}

/** validateEdition returns, or throws an EditionError with problems; never anything else. */
function validateOnly(data: unknown, text = false): Edition | undefined {
  try {
    return text ? parseEdition(data as string) : validateEdition(data);
  } catch (error) {
    if (!(error instanceof EditionError)) throw new Error(`threw ${String(error)} (${(error as Error)?.name}), not an EditionError`);
    expect(error.problems.length).to.be.within(1, 20);
    for (const problem of error.problems) {
      expect(problem.path).to.be.a('string');
      expect(problem.message).to.be.a('string').and.not.equal('');
      expect(problem.message.length, 'a message of sensible length').to.be.below(400);
    }
    return undefined;
  }
}

describe('hostile data: property tests (fast-check)', () => {
  let base: Edition;
  before(async () => {
    base = await a1();
  });

  it('the validator returns or throws EditionError for mutated A1 editions (300 runs)', function () {
    this.timeout(60_000);
    const started = performance.now();
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const edition = mutate(structuredClone(base) as unknown as Json, mutations);
        const result = validateOnly(edition);
        if (result) {
          accepted++;
          checkAccepted(result);
        }
      }),
      { numRuns: 300, seed: 0x9e9e },
    );
    const ms = performance.now() - started;
    console.log(`300 mutated editions validated in ${ms.toFixed(0)} ms (${accepted} accepted)`);
    expect(ms).to.be.below(20_000);
  });

  it('the validator returns or throws EditionError for random values and mangled JSON text (300 runs each)', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(oddValue, (value) => void validateOnly(value)),
      { numRuns: 300 },
    );
    const text = JSON.stringify(base);
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), oddString, fc.constantFrom('cut', 'insert', 'delete'), (a, b, odd, how) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const mangled =
          how === 'cut'
            ? text.slice(0, from)
            : how === 'insert'
              ? text.slice(0, from) + odd + text.slice(from)
              : text.slice(0, from) + text.slice(to);
        const result = validateOnly(mangled, true);
        if (result) checkAccepted(result);
      }),
      { numRuns: 300 },
    );
  });

  it('the viewer never throws uncaught for mutated editions given as .edition (30 runs)', async function () {
    this.timeout(120_000);
    const uncaught: string[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(`error: ${event.message}`);
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(`rejection: ${String(event.reason?.stack ?? event.reason)}`);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const outcomes = { ready: 0, error: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation, { maxLength: 2 }),
          fc.array(fc.tuple(fc.nat(), oddString), { minLength: 1, maxLength: 4 }),
          async (mutations, texts) => {
            const edition = structuredClone(base) as unknown as Json;
            for (const [at, text] of texts) mutateText(edition, at, text);
            mutate(edition, mutations);
            const el = document.createElement('e-paper') as EPaper;
            el.noPersist = true;
            el.style.cssText = 'display: block; width: 500px; height: 400px';
            el.edition = edition;
            const settled = new Promise<string>((resolve) => {
              el.addEventListener('e-paper-ready', () => resolve('ready'), { once: true });
              el.addEventListener('e-paper-error', () => resolve('error'), { once: true });
              setTimeout(() => resolve('timeout'), 8000);
            });
            document.body.append(el);
            try {
              const result = await settled;
              expect(result, 'the viewer settles').not.to.equal('timeout');
              outcomes[result as 'ready' | 'error']++;
              if (result === 'ready') {
                const first = el.pageArticles[0];
                if (first) {
                  el.openArticle(first.id);
                  await el.updateComplete;
                  await frames(2);
                  el.closeArticle();
                  await el.updateComplete;
                }
              }
              await frames(1);
            } finally {
              el.remove();
            }
            expect(uncaught).to.deep.equal([]);
          },
        ),
        { numRuns: 30, seed: 0x5eed },
      );
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    console.log(`viewer property: ${outcomes.ready} ready, ${outcomes.error} errors`);
    expect(outcomes.ready, 'some runs reach a drawn page').to.be.greaterThan(0);
  });
});

// ---- injection corpus ---------------------------------------------------------------------------

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1"><!--',
  '\'><iframe src="javascript:window.__pwned=1"></iframe>',
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  ' \u0001javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"/>',
  'vbscript:window.__pwned=1',
  'red;background:url(javascript:window.__pwned=1)',
  '</style><script>window.__pwned=1</script>',
  'x");background:url("javascript:window.__pwned=1',
  '${window.__pwned=1}{{constructor.constructor("window.__pwned=1")()}}',
  '\u202Egnp.exe\u202C ok',
  '\u2066\u202Eevil\u2069 text',
  'a\u200D\u200Bb\u200C\uFEFFc',
  '\u2069\u202E reversed',
];

/** The edition with every free string field (and a photo on every article, and a scan page) set to `payload`. */
function withPayload(base: Edition, payload: string): Edition {
  const e = structuredClone(base) as Edition & Json;
  e.title = payload;
  e.issue = payload;
  for (const key of ['titleLatin', 'publisher', 'serial'] as const) e.masthead![key] = payload;
  for (const key of Object.keys(e.ear!) as (keyof NonNullable<Edition['ear']>)[]) e.ear![key] = payload;
  e.footer = { prompt: payload, channels: e.footer!.channels!.map(() => ({ name: payload, kind: payload, url: payload })) };
  for (const font of e.fonts!) font.src = payload;
  for (const article of e.articles) {
    Object.assign(article, { banner: payload, kicker: payload, headline: payload, subheads: [payload], bylines: [payload, payload] });
    article.paragraphs = article.paragraphs.map(() => payload);
    article.photos = [{ src: payload, alt: payload, caption: payload, credit: payload, aspect: 1.5 }];
  }
  e.pages[0].label = payload;
  e.pages[0].section = payload;
  e.pages.push({
    id: 'S1',
    label: payload,
    section: payload,
    width: 1000,
    height: 1400,
    scan: { src: payload, width: 1000, height: 1400, srcset: [{ src: payload, width: 500 }] },
    regions: [{ article: 'a1', shapes: [rect(10, 10, 300, 200)] }],
  });
  return e;
}

/** Every element in the shadow trees under `root` (the viewer's own and its parts'). */
function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      out.push(child);
      visit(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'background', 'data', 'ping'];
const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'base',
  'meta',
  'link',
  'form',
  'style',
  'foreignobject',
  'a',
  'video',
  'audio',
  'source',
]);

/** Whether bidi controls in `text` reach outside the isolates in it (explicit embeddings and overrides, unmatched isolates). */
function leakingBidi(text: string): boolean {
  const open: number[] = [];
  let embeddings = 0;
  for (const char of text) {
    if ('\u2066\u2067\u2068'.includes(char)) open.push(embeddings);
    else if (char === '\u2069') {
      if (open.length) embeddings = open.pop()!;
    } else if ('\u202A\u202B\u202D\u202E'.includes(char)) embeddings++;
    else if (char === '\u202C' && embeddings > (open.at(-1) ?? 0)) embeddings--;
  }
  return open.length > 0 || embeddings > 0;
}

/** Whether a PDI in the data closes an isolate that the UI opened around it (`isolate()` broken). */
function brokenIsolate(text: string, data: string): boolean {
  // The UI puts the data between FSI and PDI: the FSI before the data must be matched by the PDI after it.
  const at = text.indexOf(`\u2068${data}\u2069`);
  if (at < 0) return false;
  let depth = 0;
  for (const char of data) {
    if ('\u2066\u2067\u2068'.includes(char)) depth++;
    else if (char === '\u2069' && depth-- === 0) return true;
  }
  return false;
}

describe('hostile data: injection corpus through every field', () => {
  let base: Edition;
  const pwned: unknown[] = [];
  const fontSources: string[] = [];
  const OriginalFontFace = window.FontFace;
  const originalAlert = window.alert;
  // Relative URLs of the payloads resolve to a route of the test server that answers 404.
  const baseElement = document.createElement('base');

  before(async () => {
    base = await a1();
    baseElement.href = '/faults/http-404/';
    document.head.prepend(baseElement);
    // A global trap: any payload that runs sets window.__pwned (or calls alert).
    Object.defineProperty(window, '__pwned', { configurable: true, get: () => undefined, set: (value) => pwned.push(value) });
    window.alert = (...args: unknown[]) => void pwned.push(['alert', ...args]);
    // Every font the viewer registers, with its source.
    window.FontFace = class extends OriginalFontFace {
      constructor(family: string, source: string | BufferSource, descriptors?: FontFaceDescriptors) {
        fontSources.push(typeof source === 'string' ? source : '[binary]');
        super(family, source, descriptors);
      }
    } as typeof FontFace;
  });

  after(() => {
    baseElement.remove();
    delete (window as unknown as Json).__pwned;
    window.alert = originalAlert;
    window.FontFace = OriginalFontFace;
  });

  /** A viewer of `edition`, ready, with the tooltip, the contents list and the reader shown in turn. */
  async function render(edition: Edition) {
    const el = document.createElement('e-paper') as EPaper;
    el.lang = 'en';
    el.noPersist = true;
    el.style.cssText = 'display: block; width: 900px; height: 700px';
    el.edition = edition;
    const outcome = new Promise<string>((resolve) => {
      el.addEventListener('e-paper-ready', () => resolve('ready'), { once: true });
      // A payload in a font's URL makes that font fail (cause 'font'): the page is still shown.
      el.addEventListener('e-paper-error', (e) => e.detail.cause !== 'font' && resolve(`error: ${JSON.stringify(e.detail)}`));
    });
    document.body.append(el);
    expect(await outcome).to.equal('ready');
    return el;
  }

  function checkNothingRuns(el: EPaper, payload: string) {
    expect(pwned, 'no payload ran').to.deep.equal([]);
    for (const node of allElements(el)) {
      const tag = node.localName;
      expect(FORBIDDEN_TAGS.has(tag), `no <${tag}> in the viewer`).to.equal(false);
      for (const attribute of node.attributes) {
        expect(attribute.name.startsWith('on'), `no ${attribute.name} attribute on <${tag}>`).to.equal(false);
        if (URL_ATTRIBUTES.includes(attribute.name)) {
          const url = new URL(attribute.value, document.baseURI);
          expect(['http:', 'https:'], `<${tag} ${attribute.name}="${attribute.value}">`).to.include(url.protocol);
          expect(attribute.value, 'not the payload itself').not.to.equal(payload);
        }
        if (attribute.name === 'style') {
          expect(attribute.value, `style of <${tag}>`).not.to.match(/url\(|expression|javascript/i);
          expect(attribute.value).not.to.contain(payload);
        }
      }
    }
    for (const image of allElements(el).filter((n): n is HTMLImageElement => n instanceof HTMLImageElement)) {
      expect(['http:', 'https:'], `photo ${image.src}`).to.include(new URL(image.src).protocol);
      expect(image.srcset).to.equal('');
    }
    for (const source of fontSources) expect(source, 'fonts load from http(s) only').to.match(/^url\("https?:\/\//);
    for (const entry of performance.getEntriesByType('resource')) expect(entry.name).to.match(/^https?:/);
  }

  /** The payload appears as text, exactly, where the edition's text is shown. */
  function checkShownAsText(el: EPaper, payload: string) {
    const page = el.shadowRoot!.querySelector('e-paper-page')!.shadowRoot!;
    expect(page.querySelector('.title')!.textContent, 'masthead title').to.equal(payload);
    const headlines = [...page.querySelectorAll('.block.article .headline')].map((n) => n.textContent);
    expect(headlines.length).to.be.greaterThan(0);
    for (const text of headlines) expect(text, 'page headline').to.equal(payload);
    expect(page.querySelector('.ear .page-label')!.textContent, 'page label in the ear').to.equal(payload);
    // In a UI sentence the title stands isolated; a stray PDI of its own cannot end that early.
    const title = payload.replace(/^\u2069/, '');
    expect(el.shadowRoot!.querySelector('e-paper-viewport')!.getAttribute('aria-label')).to.equal(
      `\u2068${title}\u2069, \u2068January 8, 2021\u2069, e-paper edition`,
    );
  }

  for (const payload of PAYLOADS) {
    it(`renders ${JSON.stringify(payload)} as text, and runs nothing`, async function () {
      this.timeout(30_000);
      fontSources.length = 0;
      const edition = withPayload(base, payload);
      // The payloads are valid text: the edition is accepted, not refused.
      expect(() => validateEdition(edition)).not.to.throw();
      const el = await render(edition);
      try {
        await partsLoaded(el);
        await frames(2);
        checkShownAsText(el, payload);
        checkNothingRuns(el, payload);

        // The tooltip (focus on a region).
        const page = el.shadowRoot!.querySelector('e-paper-page')!;
        page.shadowRoot!.querySelector<SVGGElement>('.region')!.focus();
        await el.updateComplete;
        await frames(2);
        const tooltip = el.shadowRoot!.querySelector('e-paper-tooltip')!;
        expect(tooltip.shadowRoot!.querySelector('.headline')?.textContent, 'tooltip headline').to.equal(payload);

        // The contents list.
        const contents = el.shadowRoot!.querySelector('e-paper-contents')!;
        contents.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
        await (contents as unknown as { updateComplete: Promise<void> }).updateComplete;
        const items = [...contents.shadowRoot!.querySelectorAll('.item')];
        expect(items.length).to.be.greaterThan(0);
        // Page items set the page's label in isolates, which drop a stray closing one.
        for (const item of items) expect(item.textContent, 'contents item').to.contain(payload.replace(/^\u2069/, ''));
        checkNothingRuns(el, payload);

        // The reader, on the article with a photo in A1 (all have one here).
        el.openArticle('a6');
        await el.updateComplete;
        const reader = el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
        await reader.updateComplete;
        await sleep(150); // photo requests fail or load
        const root = reader.shadowRoot!;
        expect(root.querySelector('#headline')!.textContent, 'reader headline').to.equal(payload);
        for (const p of root.querySelectorAll('.body > p')) expect(p.textContent).to.equal(payload);
        expect(root.querySelector('figcaption .caption')?.textContent, 'caption').to.equal(payload);
        expect(root.querySelector('figcaption .credit')?.textContent, 'credit').to.equal(payload);
        checkNothingRuns(el, payload);
        el.closeArticle();
        await el.updateComplete;

        // The scan page.
        el.page = 'S1';
        await el.updateComplete;
        await frames(3);
        checkNothingRuns(el, payload);
      } finally {
        el.remove();
      }
      expect(pwned).to.deep.equal([]);
    });
  }

  /** A viewer whose every string is `payload`, with the reader open on a6 and the contents list open; a6 read to its end when `read`. */
  async function renderAll(payload: string, read: boolean) {
    const el = await render(withPayload(base, payload));
    el.openArticle('a6');
    await el.updateComplete;
    if (read) {
      const reader = el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
      await reader.updateComplete;
      const done = new Promise<void>((resolve) =>
        reader.addEventListener('e-paper-reader-progress', (e) => (e as CustomEvent).detail.fraction >= 0.98 && resolve()),
      );
      const scroller = reader.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      scroller.scrollTop = scroller.scrollHeight;
      scroller.dispatchEvent(new Event('scroll'));
      await done;
      await el.updateComplete;
    }
    const contents = el.shadowRoot!.querySelector('e-paper-contents')!;
    contents.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
    await frames(2);
    return el;
  }

  it('bidi controls in edition text cannot reorder UI text in the same line', async function () {
    this.timeout(30_000);
    for (const payload of ['\u202Eevil', '\u202Bembedded', '\u2067isolate-never-closed']) {
      const el = await renderAll(payload, false);
      try {
        expect(bidiProblems(el, payload, 'ui')).to.deep.equal([]);
      } finally {
        el.remove();
      }
    }
  });

  // BUG (src/elements/e-paper-contents/e-paper-contents.ts): in the list of articles, the headline (and the
  // banner or kicker) stand in plain <span>s on one line with the "✓ Read" mark: an RLO in the
  // headline reverses the mark ("daeR ✓"). Fix: `unicode-bidi: isolate` on the spans that hold
  // edition text (or dir="auto" on them, which also gives each its own direction).
  it('bidi controls in a headline cannot reorder the read mark of the contents list (bug: e-paper-contents)', async function () {
    this.timeout(30_000);
    const el = await renderAll('\u202Eevil', true);
    try {
      const contents = el.shadowRoot!.querySelector('e-paper-contents')!;
      expect(contents.shadowRoot!.querySelector('.read-mark'), 'a6 is marked read').to.exist;
      expect(bidiProblems(el, '\u202Eevil', 'ui')).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  // BUG (minor; src/elements/e-paper-page/e-paper-page.ts, src/elements/e-paper-reader/e-paper-reader.ts,
  // src/elements/e-paper-contents/e-paper-contents.ts): two fields of the edition share a line without
  // isolation, so an RLO in one reverses the next: the photo caption and its credit (page and
  // reader figcaptions), a footer channel's name and kind, a contents item's banner and headline.
  // Fix: `unicode-bidi: isolate` (or dir="auto") on the element of each field: .caption, .credit,
  // .channel's name, small, .over and the headline span.
  it('bidi controls in one field cannot reorder the next field on its line (bug: caption/credit, channel name/kind, contents)', async function () {
    this.timeout(30_000);
    const el = await renderAll('\u202Eevil', false);
    try {
      expect(bidiProblems(el, '\u202Eevil', 'all')).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  // BUG (src/i18n/strings.ts, isolate()): text that holds a PDI (U+2069) closes the isolate that the
  // UI sentence puts around it, and what follows in the text (here an RLO) reorders the rest of the
  // sentence ("Continue reading …", "Page …", the viewer's label). Fix: drop unmatched PDIs from
  // the text inside isolate(), e.g. isolate = (t) => `\u2068${balanceIsolates(t)}\u2069`.
  it('a PDI in edition text cannot close the isolate of a UI sentence (bug: isolate() in src/i18n/strings.ts)', async function () {
    this.timeout(30_000);
    const payload = 'x\u2069\u202E';
    const el = await render(withPayload(base, payload));
    try {
      const label = el.shadowRoot!.querySelector('e-paper-viewport')!.getAttribute('aria-label')!;
      expect(brokenIsolate(label, payload), `viewer label ${JSON.stringify(label)}`).to.equal(false);
      el.openArticle('a6');
      await el.updateComplete;
      const reader = el.shadowRoot!.querySelector('e-paper-reader')!;
      const where = reader.shadowRoot!.querySelector('.page-label')!.textContent!;
      expect(brokenIsolate(where, payload), `reader page label ${JSON.stringify(where)}`).to.equal(false);
    } finally {
      el.remove();
    }
  });
});

/**
 * Text nodes whose bidi controls leak (see {@link leakingBidi}) into a line that holds other text
 * (`ui`: text that is not the payload, that is the viewer's own), with no isolating element
 * (unicode-bidi: isolate, or a dir attribute) between them and the line.
 */
function bidiProblems(el: EPaper, payload: string, others: 'ui' | 'all'): string[] {
  const problems: string[] = [];
  const texts: Text[] = [];
  const collect = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && (child as Text).data.includes(payload)) texts.push(child as Text);
      collect(child);
      if ((child as Element).shadowRoot) collect((child as Element).shadowRoot!);
    }
  };
  collect(el.shadowRoot!);
  for (const text of texts) {
    if (!leakingBidi(text.data)) continue;
    let node = text.parentElement;
    let isolated = false;
    while (node && getComputedStyle(node).display.startsWith('inline') && !getComputedStyle(node).display.startsWith('inline-')) {
      const bidi = getComputedStyle(node).unicodeBidi;
      if (/isolate|plaintext/.test(bidi) || node.hasAttribute('dir')) isolated = true;
      node = node.parentElement;
    }
    const line = node ?? text.parentElement!;
    const rest = (line.textContent ?? '').replace(text.data, '');
    const around = (others === 'ui' ? rest.replaceAll(payload, '') : rest).trim();
    if (!isolated && around)
      problems.push(
        `<${text.parentElement!.localName} class="${text.parentElement!.className}"> in <${line.localName} class="${line.className}">: ${JSON.stringify(line.textContent)}`,
      );
  }
  return problems;
}
