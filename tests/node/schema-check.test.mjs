// The first render's check of an edition (src/edition/schema-check.ts) is compiled from the
// valibot schema by `npm run schema` (scripts/schema-check.mjs). Here: the checked-in file is
// what the compiler writes now, the compiler refuses what it cannot compile exactly, and the
// compiled checks answer as valibot's `is` does (and the quiet path as the validator with its
// words does) on every edition and page file in the repository, on random mutations of them
// aimed at the schema's edges (types, bounds, lengths, patterns, keys missing and extra, deep
// nesting) and on arbitrary values.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { ROOT, importSources } from './helpers.mjs';
import { schemaFiles } from '../../scripts/build-schema.mjs';
import { schemaCheckModule } from '../../scripts/schema-check.mjs';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1500);
// One seed by default, so that a run of the suite is repeatable; PROPERTY_SEED=random explores.
const SEED = process.env.PROPERTY_SEED ?? '20261206';
const seed = SEED === 'random' ? {} : { seed: Number(SEED) };

let m;
/** Every edition and page file in the repository (JSON with the format's marker), parsed. */
let editions;
let pageFiles;
before(async () => {
  m = await importSources('schema-check', [
    'edition/schema.ts',
    'edition/schema-check.ts',
    'edition/validate.ts',
    'edition/validate-core.ts',
  ]);
  const files = execFileSync('git', ['ls-files', '*.json'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  const data = files
    .map((file) => readFileSync(join(ROOT, file), 'utf8'))
    .filter((text) => /"format":\s*"e-paper-(edition|page)"/.test(text))
    .map((text) => JSON.parse(text));
  editions = data.filter((d) => d.format === 'e-paper-edition');
  // The page files the repository holds, and one made of each page of each edition.
  pageFiles = [
    ...data.filter((d) => d.format === 'e-paper-page'),
    ...editions.flatMap((e) => e.pages.map((page) => ({ format: 'e-paper-page', version: 1, page, articles: e.articles }))),
  ];
});

describe('the compiled check of the format (npm run schema)', () => {
  it('is checked in as the compiler writes it from the schema now', async () => {
    for (const [file, text] of Object.entries(await schemaFiles()))
      assert.equal(readFileSync(join(ROOT, file), 'utf8'), text, `${file} is out of date: run npm run schema`);
  });

  it('has no valibot in it', () => {
    const text = readFileSync(join(ROOT, 'src/edition/schema-check.ts'), 'utf8');
    assert.doesNotMatch(text, /from ['"]valibot|import\(['"]valibot/);
    assert.match(text, /export const isEdition/);
  });

  it('refuses what it cannot compile exactly: transforms, defaults, unknown checks and schemas', () => {
    const refused = [
      v.pipe(
        v.string(),
        v.transform((s) => s.trim()),
      ),
      v.strictObject({ a: v.optional(v.string(), 'x') }),
      v.pipe(
        v.string(),
        v.check((s) => s.length > 2),
      ),
      v.nullable(v.string()),
      v.object({ a: v.string() }),
      v.strictObject({ a: v.fallback(v.string(), 'x') }),
      v.pipe(v.string(), v.regex(/a/g)),
      v.pipe(v.number(), v.maxLength(3)),
    ];
    for (const schema of refused) assert.throws(() => schemaCheckModule({ isIt: schema }), /schema-check: /, JSON.stringify(schema.type));
  });

  it('finds editions and page files to compare', () => {
    assert.ok(editions.length >= 5, `editions found: ${editions.length}`);
    assert.ok(pageFiles.length >= 8, `page files found: ${pageFiles.length}`);
  });

  it('passes every edition and page file of the repository, as valibot does', () => {
    for (const edition of editions) {
      assert.equal(m.isEdition(edition), v.is(m.EditionSchema, edition), edition.id);
      assert.equal(m.isEdition(edition), true, edition.id);
    }
    for (const file of pageFiles) assert.equal(m.isPageFile(file), v.is(m.PageFileSchema, file), file.page.id);
  });

  it("gives the viewer's quiet path the data valibot's output has, in plain objects", () => {
    for (const edition of editions) {
      const quiet = m.checkEdition(edition);
      assert.deepStrictEqual(quiet, m.validateEdition(edition), edition.id);
      assert.equal(Object.getPrototypeOf(quiet.pages[0]), Object.prototype);
    }
  });

  it('answers as valibot does for mutated editions (fast-check)', () => {
    const outcomes = new Set();
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (pick, changes) => {
        const edition = mutate(editions[pick % editions.length], changes);
        const expected = v.is(m.EditionSchema, edition);
        outcomes.add(expected);
        assert.equal(m.isEdition(edition), expected, `valibot says ${expected}`);
      }),
      { numRuns: RUNS, ...seed },
    );
    // Both answers were put to the test.
    assert.deepEqual([...outcomes].sort(), [false, true]);
  });

  it('answers as valibot does for mutated page files (fast-check)', () => {
    const outcomes = new Set();
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (pick, changes) => {
        const file = mutate(pageFiles[pick % pageFiles.length], changes);
        const expected = v.is(m.PageFileSchema, file);
        outcomes.add(expected);
        assert.equal(m.isPageFile(file), expected, `valibot says ${expected}`);
      }),
      { numRuns: Math.ceil(RUNS / 3), ...seed },
    );
    assert.deepEqual([...outcomes].sort(), [false, true]);
  });

  it('answers as valibot does for arbitrary values (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 })), (value) => {
        assert.equal(m.isEdition(value), v.is(m.EditionSchema, value));
        assert.equal(m.isPageFile(value), v.is(m.PageFileSchema, value));
      }),
      { numRuns: RUNS, ...seed },
    );
  });

  it("passes on the viewer's quiet path exactly what the validator with its words passes, with the same data (fast-check)", () => {
    const outcomes = new Set();
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (pick, changes) => {
        const edition = mutate(editions[pick % editions.length], changes);
        let full;
        try {
          full = m.validateEdition(edition);
        } catch (error) {
          if (!(error instanceof m.EditionError)) throw error;
        }
        const quiet = m.checkEdition(edition);
        outcomes.add(full !== undefined);
        assert.equal(quiet !== undefined, full !== undefined);
        // The same data (the quiet path's objects have no prototype, valibot's have Object's).
        if (full) assert.deepEqual(JSON.parse(JSON.stringify(quiet)), JSON.parse(JSON.stringify(full)));
      }),
      { numRuns: Math.ceil(RUNS / 5), ...seed },
    );
    assert.deepEqual([...outcomes].sort(), [false, true]);
  });
});

// ---- mutations -------------------------------------------------------------------------------

/** Strings at the edges of the format's lengths and patterns (an astral character is 2 units). */
const edgeString = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(0, 1, 2, 3, 34, 35, 36, 63, 64, 65, 399, 400, 401, 19_999, 20_000, 20_001),
      fc.constantFrom('a', '中', '𠀀', ' ', '-', 'Z9'),
    )
    .map(([n, c]) => c.repeat(Math.ceil(n / c.length)).slice(0, n)),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '_a',
    'a_.:-9',
    'a b',
    '2021-01-08',
    '2021-02-30',
    '2021-13-01',
    '2021-1-8',
    '0000-01-31',
    '２０２１-01-08',
    '2021-01-08\n',
    'zh',
    'zh-CN',
    'zh-Hant-TW',
    'z',
    'zh_CN',
    'zh-toolongtag',
    'U+4E00-9FFF',
    'u+4e??',
    'U+4E00-9FFF, U+3000',
    'U+4E00-',
    'U+1234567',
    'news',
    'advertisement',
    'article',
    'masthead',
    'ear',
    'footer',
    'start',
    'center',
    'body',
    'photo',
    'slice',
    'stand-in',
    'e-paper-edition',
    'e-paper-page',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** Numbers at the edges of the format's bounds. */
const edgeNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.1, 0.1000001, 0.5, 1.5, 2, 3, 6, 7, 10, 10.000001, 11, 12, 13, 999, 1000, 1000.5, 1001),
  fc.constantFrom(99_999.9, 100_000, 100_000.0001, 1e21, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.EPSILON, 2 ** 53),
  fc.double(),
  fc.integer(),
);

/** Any value: the edges, JSON and what is not JSON (undefined, functions, dates…), and deep nesting. */
const anyValue = fc.oneof(
  edgeString,
  edgeNumber,
  fc.constantFrom(undefined, null, true, false, [], {}, [[]], { rect: {} }, new Date(0)),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2 }),
  fc.nat({ max: 20 }).map((depth) => {
    let value = 1;
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  }),
);

/** Keys an object may gain: the format's own (in the wrong place), Object.prototype's, any. */
const extraKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'length',
    '0',
    'id',
    'kind',
    'rect',
    'polygon',
    'src',
    'text',
  ),
  fc.string({ maxLength: 6 }),
);

/** One change, at the place `at` picks among all places of the value (modulo their count). */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('replace'), at: fc.nat(), value: anyValue }),
  fc.record({ op: fc.constant('delete'), at: fc.nat() }),
  fc.record({ op: fc.constant('extra'), at: fc.nat(), key: extraKey, value: anyValue }),
  fc.record({ op: fc.constant('wrap'), at: fc.nat(), inArray: fc.boolean() }),
  fc.record({ op: fc.constant('grow'), at: fc.nat(), length: fc.constantFrom(0, 1, 2, 3, 4, 6, 7, 8, 10, 11, 20, 21, 50, 51) }),
  fc.record({ op: fc.constant('nudge'), at: fc.nat(), by: fc.constantFrom(-1, 1, 0.5, -0.5, 1e-9, -1e-9, 1e5) }),
);

/** Every place in `root`: its containers and keys, the root's own as the holder's `value`. */
function places(holder) {
  const out = [];
  const walk = (container, key) => {
    out.push([container, key]);
    const value = container[key];
    if (value && typeof value === 'object') for (const k of Object.keys(value)) walk(value, Array.isArray(value) ? Number(k) : k);
  };
  walk(holder, 'value');
  return out;
}

const set = (container, key, value) =>
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });

/** A copy of `data` with `changes` made, one after the other. */
function mutate(data, changes) {
  const holder = { value: structuredClone(data) };
  for (const change of changes) {
    const all = places(holder);
    const [container, key] = all[change.at % all.length];
    const value = container[key];
    switch (change.op) {
      case 'replace':
        set(container, key, change.value);
        break;
      case 'delete':
        if (Array.isArray(container)) container.splice(key, 1);
        else if (container !== holder) delete container[key];
        break;
      case 'extra':
        // (A list's length is no key to add.)
        if (value && typeof value === 'object' && !(Array.isArray(value) && change.key === 'length')) set(value, change.key, change.value);
        break;
      case 'wrap':
        set(container, key, change.inArray ? [value] : { value });
        break;
      case 'grow':
        if (Array.isArray(value)) {
          const item = value[0];
          value.length = Math.min(value.length, change.length);
          while (value.length < change.length) value.push(structuredClone(item));
        }
        break;
      case 'nudge':
        if (typeof value === 'number') set(container, key, value + change.by);
        break;
    }
  }
  return holder.value;
}
