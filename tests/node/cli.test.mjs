// The e-paper command as a publisher runs it: the built bin in a temp folder, on the project's
// fixtures (none a real newspaper), checked by its files, exit codes and --json.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, cli, readJson, temp } from './helpers.mjs';

const LOCAL = `https://example.org/not-a-real-paper/=${join(FIXTURES, 'iiif')}`;
const messages = (dir) => readJson(join(dir, 'warnings.json')).warnings.map((w) => `${w.path}: ${w.message}`);
/** Every article of an edition folder, its page files' included. */
function articlesOf(dir) {
  const edition = readJson(join(dir, 'edition.json'));
  const articles = [...edition.articles];
  for (const page of edition.pages) if (page.src) articles.push(...readJson(join(dir, page.src)).articles);
  return articles;
}

describe('e-paper: help and usage', () => {
  it('prints help for every command, exit 0', () => {
    for (const args of [['--help'], ['import', '--help'], ['validate', '--help'], ['archive', '--help'], ['fonts', '--help']]) {
      const run = cli(args);
      assert.equal(run.code, 0, args.join(' '));
      assert.match(run.stdout, /Usage:\s+e-paper/);
      assert.match(run.stdout, /Exit codes:/);
    }
  });

  it('exits 64 on a bad command line, naming the problem', () => {
    assert.equal(cli(['frobnicate']).code, 64);
    const unknownKind = cli(['import', 'docx', 'x', '-o', 'out']);
    assert.equal(unknownKind.code, 64);
    assert.match(unknownKind.stderr, /unknown kind "docx"/);
    const unknownOption = cli(['import', 'mets', 'x', '--colour']);
    assert.equal(unknownOption.code, 64);
    assert.match(unknownOption.stderr, /--colour/);
    assert.match(cli(['import', 'mets', join(FIXTURES, 'mets-structlink')]).stderr, /--out/);
    assert.equal(cli(['import', 'alto', join(FIXTURES, 'alto-only'), '-o', temp(), '--date', '1 Aug 1821']).code, 64);
  });

  it('exits 66 for an input that is not there', () => {
    const run = cli(['import', 'mets', 'no/such/mets.xml', '-o', temp()]);
    assert.equal(run.code, 66);
    assert.match(run.stderr, /no\/such\/mets\.xml: no such file/);
  });
});

describe('e-paper … --json: the one document, and nothing on stderr but a crash', () => {
  it('says a failure before any work in the document, for every command', () => {
    const missing = join(temp(), 'none.json');
    const runs = [
      [['import', 'docx', 'x', '-o', 'out', '--json'], 64, /unknown kind "docx"/],
      [['import', 'mets', 'x', '--colour', '--json'], 64, /--colour/],
      [['import', 'mets', 'no/such/mets.xml', '-o', temp(), '--json'], 66, /no\/such\/mets\.xml: no such file/],
      [['validate', missing, '--json'], 66, /none\.json: no such file/],
      [['archive', 'build', temp(), '--json'], 1, /no edition\.json under it/],
      [['fonts', '--json'], 64, /expected one edition/],
      [['tiles', missing, '--json'], 66, /none\.json/],
    ];
    for (const [args, code, message] of runs) {
      const run = cli(args);
      assert.equal(run.code, code, args.join(' '));
      assert.equal(run.stderr, '', args.join(' '));
      assert.deepEqual({ ...run.json, error: '' }, { command: args[0], ok: false, exitCode: code, error: '' }, args.join(' '));
      assert.match(run.json.error, message, args.join(' '));
    }
  });

  it('keeps the words on stderr without --json', () => {
    const run = cli(['import', 'mets', 'no/such/mets.xml', '-o', temp()]);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^e-paper: no\/such\/mets\.xml: no such file/);
  });
});

describe('e-paper import mets (structLink profile)', () => {
  it('keeps every unit with its kind and parts, maps masters to web images, writes page files', () => {
    const cwd = temp();
    const run = cli(
      ['import', 'mets', join(FIXTURES, 'mets-structlink'), '-o', 'out', '--image', 'web/{stem}.png', '--copy-images', '--json'],
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const [summary] = run.json.editions;
    assert.deepEqual(
      { ...summary, ms: 0 },
      {
        kind: 'mets',
        id: 'test-gazette-1821-08-01',
        date: '1821-08-01',
        out: 'out',
        pages: 2,
        articles: 5,
        regions: 5,
        words: 47,
        warnings: 1,
        ms: 0,
      },
    );
    const dir = join(cwd, 'out');
    const edition = readJson(join(dir, 'edition.json'));
    // 01.08.1821 read day first; the language from MODS; the access condition shown as attribution.
    assert.equal(edition.date, '1821-08-01');
    assert.equal(edition.lang, 'de');
    assert.equal(edition.rights.attribution, 'Not a real newspaper: written for the e-paper tests (CC0).');
    const byId = Object.fromEntries(articlesOf(dir).map((a) => [a.id, a]));
    assert.deepEqual(byId.LOG_ART1, {
      id: 'LOG_ART1',
      banner: 'Inland',
      kicker: 'Wetter',
      headline: 'Die Jahreszeiten',
      bylines: ['Von einem Korrespondenten'],
      // The hyphen at the line end without HYP markup is joined (German rule).
      paragraphs: ['Der Wechsel der Jahreszeiten bringt Regen und Sonne.'],
      photos: [{ caption: 'Bild: Ein Regenschirm' }],
    });
    assert.equal(byId.LOG_TITLE.kind, 'masthead');
    assert.equal(byId.LOG_AD1.kind, 'advertisement');
    assert.equal(byId.LOG_PUB.kind, 'notice');
    assert.equal(byId.LOG_ART2.kind, undefined);
    assert.equal(byId.LOG_ART2.paragraphs[0], 'Die Stadt baut eine neue Brücke über den Fluss.');
    // Page 2 is a page file; its image copied and referenced from the file.
    assert.equal(edition.pages[1].src, 'pages/PHYS_0002.json');
    assert.equal(readJson(join(dir, 'pages/PHYS_0002.json')).page.scan.src, '../images/0002.png');
    assert.ok(existsSync(join(dir, 'images/0001.png')));
    // The one block no unit points at is named.
    assert.deepEqual(messages(dir), [
      'alto[alto/0001.xml]: 1 text block(s) in no unit of the logical structMap, their text not in the edition: TB7',
    ]);
    assert.equal(cli(['validate', 'out'], { cwd }).code, 0);
  });

  it('refuses file: image hrefs with a warning naming the page, and fails when no page is left', () => {
    const run = cli(['import', 'mets', join(FIXTURES, 'mets-structlink'), '-o', temp(), '--json']);
    assert.equal(run.code, 1);
    assert.equal(run.json.ok, false);
    assert.match(run.json.error, /div\[PHYS_0001\]: the page image "file:\/\/\.\/masters\/0001\.jp2" is a file: URL/);
  });

  it('resolves relative hrefs against --base, and warns about masters browsers cannot show', () => {
    const cwd = temp();
    const run = cli(
      [
        'import',
        'mets',
        join(FIXTURES, 'mets-structlink'),
        '-o',
        'out',
        '--image',
        'masters/{stem}.jp2',
        '--base',
        'https://images.example.org/gazette/',
      ],
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const edition = readJson(join(cwd, 'out/edition.json'));
    assert.equal(edition.pages[0].scan.src, 'https://images.example.org/gazette/masters/0001.jp2');
    assert.ok(messages(join(cwd, 'out')).some((m) => /masters\/0001\.jp2" is not a type browsers show/.test(m)));
  });

  it('--strict exits 2 when there are warnings', () => {
    assert.equal(
      cli(['import', 'mets', join(FIXTURES, 'mets-structlink'), '-o', temp(), '--image', 'web/{stem}.png', '--strict', '-q']).code,
      2,
    );
  });

  it('refuses hostile XML (entity declarations) with a clear message, exit 1', () => {
    const dir = temp();
    cpSync(join(FIXTURES, 'mets-structlink'), dir, { recursive: true });
    const mets = readFileSync(join(dir, 'mets.xml'), 'utf8');
    const bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    writeFileSync(join(dir, 'mets.xml'), mets.replace('<mets:mets', `${bomb}\n<mets:mets`));
    const run = cli(['import', 'mets', dir, '-o', join(dir, 'out'), '--image', 'web/{stem}.png']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /declares entities in a DTD \(<!ENTITY>\): refused/);
  });

  it('refuses files over --max-bytes before reading them', () => {
    const run = cli(['import', 'mets', join(FIXTURES, 'mets-structlink'), '-o', temp(), '--max-bytes', '1000']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /over the 1000 the command reads/);
  });
});

describe('e-paper import alto (no METS)', () => {
  it('groups blocks by their headings, joins hyphens, tells the language, takes the date from the path', () => {
    const cwd = temp();
    const run = cli(['import', 'auto', join(FIXTURES, 'alto-only'), '-o', 'out', '--title', 'Test Gazette', '--copy-images', '--json'], {
      cwd,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.json.kind, 'alto');
    const dir = join(cwd, 'out');
    const edition = readJson(join(dir, 'edition.json'));
    assert.equal(edition.id, 'test-gazette-1821-08-01');
    assert.equal(edition.lang, 'de');
    const articles = articlesOf(dir);
    assert.deepEqual(
      articles.map((a) => a.headline),
      [
        'Neue Brücke eröffnet',
        'Markt und Preise',
        'Anzeigen und Bekanntmachungen der Stadt für die Woche, die mit dem ersten Tag des Monats beginnt.',
        'Die Post fährt am Montag und am Donnerstag nach der Hauptstadt.',
      ],
    );
    assert.match(articles[0].paragraphs[0], /großen Jahresfest und/);
    // The illustration joins its article's region.
    assert.equal(edition.pages[0].regions[0].shapes.length, 4);
    const warnings = messages(dir);
    assert.ok(
      warnings.includes(
        'alto[1821-08-01-p1.xml]: ALTO has no article segmentation: 2 article(s) grouped by their headings (a heading block and the blocks after it)',
      ),
    );
    assert.ok(warnings.includes('alto: no language stated: "de" told from the text'));
  });

  it('needs a title: ALTO has none', () => {
    const run = cli(['import', 'alto', join(FIXTURES, 'alto-only'), '-o', temp()]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no title: ALTO carries none/);
  });
});

describe('e-paper import image-map (a saved 数字报 site)', () => {
  it('takes titles and text from the site, merges duplicate areas, ignores lang="utf-8", warns about sizes', () => {
    const cwd = temp();
    const run = cli(
      ['import', 'image-map', join(FIXTURES, 'image-map-site'), '-o', 'out', '--copy-images', '--publication', 'x', '--json'],
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const dir = join(cwd, 'out');
    const edition = readJson(join(dir, 'edition.json'));
    assert.equal(edition.title, '示例日报');
    assert.equal(edition.date, '2021-01-08');
    assert.equal(edition.lang, 'zh');
    assert.deepEqual(
      edition.pages.map((p) => p.label),
      ['A01', 'A02'],
    );
    const [first, second, third, notice, ad] = articlesOf(dir);
    assert.deepEqual(first, {
      id: 'p1-a1',
      kicker: '交通建设再添新成果',
      headline: '新大桥正式通车',
      subheads: ['市民可步行或骑车过江'],
      bylines: ['本报记者 王小明'],
      paragraphs: ['本报讯 全长八百米的新大桥昨日正式通车，市民可以步行或骑车过江。', '大桥两端设有观景平台，晚上有灯光照明。'],
      photos: [{ src: 'images/photo1.png', alt: '新大桥', caption: '通车当天的新大桥。' }],
    });
    assert.equal(second.headline, '冬季供暖有保障');
    assert.deepEqual(second.bylines, ['记者 李华']);
    assert.equal(third.headline, '图书馆延长开放时间');
    assert.equal(notice.headline, '社区通知');
    // No article page: the title from the page's own link list.
    assert.equal(ad.headline, '本版广告');
    // Two areas, one shape: one region.
    assert.equal(edition.pages[0].regions[0].shapes.length, 1);
    const warnings = messages(dir);
    for (const expected of [
      /area\[1\]: the same shape as an earlier area of content_1\.htm: merged/,
      /html\.lang: lang="utf-8" names no language/,
      /node_1\.htm\]\.map: the areas reach only 480 × 700 of the image's 1000 × 1500/,
      /the article page "content_5\.htm" was not found/,
    ])
      assert.ok(
        warnings.some((w) => expected.test(w)),
        `${expected} in ${warnings.join('\n')}`,
      );
    assert.ok(existsSync(join(dir, 'images/photo1.png')));
  });

  it('scales the coords from --display-size', () => {
    const cwd = temp();
    assert.equal(
      cli(
        [
          'import',
          'image-map',
          join(FIXTURES, 'image-map-site/html/2021-01/08/node_1.htm'),
          '-o',
          'out',
          '--display-size',
          '500x750',
          '-q',
        ],
        { cwd },
      ).code,
      0,
    );
    const edition = readJson(join(cwd, 'out/edition.json'));
    assert.deepEqual(edition.pages[0].regions[0].shapes, [{ rect: { x: 40, y: 40, w: 920, h: 360 } }]);
  });
});

describe('e-paper import iiif', () => {
  it('reads text from annotations, supplementary and rendering ALTO; keeps requiredStatement and rights', () => {
    const cwd = temp();
    const run = cli(
      [
        'import',
        'iiif',
        join(FIXTURES, 'iiif/1821-08-01/manifest.json'),
        '-o',
        'out',
        '--local',
        LOCAL,
        '--offline',
        '--copy-images',
        '--json',
      ],
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const dir = join(cwd, 'out');
    const edition = readJson(join(dir, 'edition.json'));
    assert.deepEqual(edition.rights, {
      attribution: 'Not a real newspaper: test data of the e-paper project.',
      license: 'http://creativecommons.org/publicdomain/zero/1.0/',
    });
    const [bridge, market, notices] = articlesOf(dir);
    assert.deepEqual(bridge.paragraphs, [
      'The town opened the new bridge over the river on Monday, and the people celebrated with music.',
      'The mayor thanked the workers.',
    ]);
    assert.deepEqual(market.paragraphs, [
      'Corn is dearer this week, and the traders say the harvest was poor.',
      'Butter and eggs cost what they cost last week.',
    ]);
    assert.deepEqual(notices.paragraphs, ['The town council meets on Thursday at noon.', 'The post leaves for the capital on Monday.']);
    assert.deepEqual(messages(dir), [
      'items[1].rendering[0]: 1 ALTO text block(s) outside every article, their text not in the edition: B3',
    ]);
  });

  it('names what it could not fetch (--offline, no --local), and imports the rest', () => {
    const run = cli(['import', 'iiif', join(FIXTURES, 'iiif/1821-08-01/manifest.json'), '-o', temp(), '--offline', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.json.warnings.some((w) => /alto\/p2\.xml/.test(w.path) && /not fetched \(--offline\)/.test(w.message)));
  });

  it('upgrades Presentation 2, and writes a Collection as an archive of editions', () => {
    const cwd = temp();
    const run = cli(
      ['import', 'auto', join(FIXTURES, 'iiif/collection.json'), '-o', 'site', '--local', LOCAL, '--offline', '--copy-images', '--json'],
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      run.json.editions.map((e) => e.id),
      ['test-herald-1821-08-01', 'test-herald-1821-08-02'],
    );
    const archive = readJson(join(cwd, 'site/archive.json'));
    assert.deepEqual(archive, {
      format: 'e-paper-archive',
      version: 1,
      title: 'Test Herald',
      editions: [
        { date: '1821-08-01', src: 'test-herald-1821-08-01/edition.json' },
        { date: '1821-08-02', src: 'test-herald-1821-08-02/edition.json' },
      ],
    });
    const v2 = readJson(join(cwd, 'site/test-herald-1821-08-02/edition.json'));
    assert.equal(v2.rights.attribution, 'Not a real newspaper: test data of the e-paper project.');
    assert.equal(v2.articles[0].headline, 'Harbour news');
    const check = cli(['validate', 'site/test-herald-1821-08-01', 'site/test-herald-1821-08-02', '--strict', '--json'], { cwd });
    assert.equal(check.code, 0, check.stdout);
    assert.deepEqual(
      check.json.editions.map((e) => e.missing),
      [[], []],
    );
  });
});

describe('e-paper validate and archive', () => {
  it('validate exits 1 on an invalid edition, naming the path', () => {
    const dir = temp();
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        format: 'e-paper-edition',
        version: 1,
        id: 'x',
        title: 't',
        date: '2021-13-01',
        lang: 'en',
        pageCount: 1,
        articles: [],
        pages: [],
      }),
    );
    const run = cli(['validate', join(dir, 'bad.json'), '--json']);
    assert.equal(run.code, 1);
    assert.equal(run.json.ok, false);
    assert.ok(run.json.editions[0].problems.some((p) => p.path === 'date'));
  });

  it('archive build indexes a folder; archive add replaces an edition of the same day', () => {
    const cwd = temp();
    cli(['import', 'alto', join(FIXTURES, 'alto-only'), '-o', 'site/a', '--title', 'Test Gazette', '-q'], { cwd });
    cli(['import', 'alto', join(FIXTURES, 'alto-only'), '-o', 'site/b', '--title', 'Test Gazette', '--date', '1821-08-02', '-q'], { cwd });
    assert.equal(cli(['archive', 'build', 'site', '--title', 'Test Gazette'], { cwd }).code, 0);
    assert.deepEqual(readJson(join(cwd, 'site/archive.json')).editions, [
      { date: '1821-08-01', src: 'a/edition.json' },
      { date: '1821-08-02', src: 'b/edition.json' },
    ]);
    cli(['import', 'alto', join(FIXTURES, 'alto-only'), '-o', 'site/c', '--title', 'Test Gazette', '--date', '1821-08-02', '-q'], { cwd });
    const add = cli(['archive', 'add', 'site/archive.json', 'site/c', '--json'], { cwd });
    assert.equal(add.code, 0, add.stderr);
    assert.deepEqual(
      readJson(join(cwd, 'site/archive.json')).editions.map((e) => e.src),
      ['a/edition.json', 'c/edition.json'],
    );
    assert.equal(readJson(join(cwd, 'site/archive.json')).title, 'Test Gazette');
    // Two editions of one day in one build: refused.
    assert.equal(cli(['archive', 'build', 'site'], { cwd }).code, 1);
  });

  it('fonts exits 66 for a missing edition and 64 without one', () => {
    assert.equal(cli(['fonts']).code, 64);
    assert.equal(cli(['fonts', join(temp(), 'none.json')]).code, 66);
  });
});
