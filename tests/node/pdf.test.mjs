// `e-paper import pdf` on the project's printed fixtures (tests/fixtures/pdf, made by
// scripts/make-pdf-fixtures.mjs from the typeset A1 and re-laid-out variants) and on bad input.
// The scores come from bench/pdf-score.mjs against the edition that was printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, temp, readJson } from './helpers.mjs';
import { score } from '../../bench/pdf-score.mjs';
import { encryptedPdf, imageOnlyPdf, underscoreBarsPdf, unmappedFontPdf } from './support/mini-pdf.mjs';

const FIX = join(ROOT, 'tests/fixtures/pdf');
const work = temp('e-paper-pdf-');
after(() => rmSync(work, { recursive: true, force: true }));

const imported = new Map();
/** Each fixture imported once per run (a second call with the same arguments reuses it). */
function importFixture(name, extra = []) {
  const key = [name, ...extra].join(' ');
  if (!imported.has(key)) imported.set(key, runImport(name, extra, `${name}-${imported.size}`));
  return imported.get(key);
}

function runImport(name, extra, dir) {
  const { files, truth } = readJson(join(FIX, `${name}.truth.json`));
  const out = join(work, dir);
  const run = cli([
    'import',
    'pdf',
    ...files.map((f) => join(FIX, f)),
    '--date',
    truth.date,
    '--single-file',
    '--widths',
    '400,800',
    '-o',
    out,
    '--json',
    ...extra,
  ]);
  assert.equal(run.code, 0, run.stderr);
  return { truth, out, edition: readJson(join(out, 'edition.json')), report: run.json };
}

describe('import pdf: the printed fixtures', () => {
  before(() => cli(['--version']));
  const names = [
    'a1',
    'mirrored',
    'columns',
    'boxed',
    'l-shape',
    'continued',
    'continued-headless',
    'vertical',
    'full-fonts',
    'newsletter',
  ];
  for (const name of names) {
    it(`finds the articles of ${name} with their headlines and text`, () => {
      const { truth, edition } = importFixture(name);
      const s = score(truth, edition);
      assert.equal(s.found, s.truth, `found ${s.found} articles, printed ${s.truth}`);
      assert.equal(s.f1, 1);
      // The target, for the articles and for each part of a continued one.
      assert.ok(s.iou >= 0.9, `mean IoU ${s.iou}`);
      assert.ok(s.parts.iou >= 0.9, `parts' mean IoU ${s.parts.iou}`);
      assert.equal(s.headlines, 1, s.misses.join('\n'));
      assert.ok(s.cer <= 0.12, `body CER ${s.cer}`);
      // Each part on its page (a continued article has one a page), and the jumps as printed.
      assert.equal(s.parts.f1, 1, `parts: printed ${s.parts.truth}, found ${s.parts.found}`);
      assert.ok(s.parts.iou >= 0.85, `mean part IoU ${s.parts.iou}`);
      assert.deepEqual(s.jumps, { truth: s.jumps.truth, found: s.jumps.truth, right: s.jumps.truth }, s.misses.join('\n'));
    });
  }

  it('writes scan pages with a srcset, a text layer, and the masthead, ear and footer as kinds of their own', () => {
    const { edition, out, report } = importFixture('a1');
    // The id from the masthead's name in pinyin, and the date.
    assert.equal(edition.id, 'zhuzhou-ribao-2021-01-08');
    const [page] = edition.pages;
    assert.equal(page.scan.width, 800);
    assert.deepEqual(
      page.scan.srcset.map((s) => s.width),
      [400],
    );
    for (const src of [page.scan.src, page.scan.srcset[0].src]) assert.ok(existsSync(join(out, decodeURIComponent(src))), src);
    // The report lists every file the command wrote, the page images it drew among them.
    const written = report.files.map((file) => file.replace(/^.*\//, ''));
    assert.deepEqual(
      [page.scan.srcset[0].src, page.scan.src]
        .map((src) => decodeURIComponent(src).replace(/^.*\//, ''))
        .filter((name) => !written.includes(name)),
      [],
    );
    assert.ok(written.includes('edition.json'));
    assert.ok(page.text.length > 300);
    assert.ok(page.text.some((line) => line.text === '风补基金“及时雨”覆盖株洲城区'));
    const kinds = edition.articles.filter((a) => a.kind).map((a) => [a.id, a.kind]);
    assert.deepEqual(kinds, [
      ['A1-masthead', 'masthead'],
      ['A1-ear', 'masthead'],
      ['A1-footer', 'other'],
    ]);
    const a6 = edition.articles.find((a) => a.headline === '扶贫小车间 托起大梦想');
    assert.deepEqual(a6.bylines, ['株洲日报记者 黎世伟 实习生 曹永亮', '通讯员/钟勇 李东阳']);
    assert.equal(a6.photos[0].caption, '国声声学生产车间，工人们正在生产耳机。');
    assert.equal(a6.photos[0].credit, '钟勇 供图');
  });

  it('draws an L-shaped article as one polygon', () => {
    const { edition } = importFixture('l-shape');
    const id = edition.articles.find((a) => a.headline === '扶贫小车间 托起大梦想').id;
    const region = edition.pages[0].regions.find((r) => r.article === id);
    assert.equal(region.shapes.length, 1);
    assert.ok(region.shapes[0].polygon.length >= 6, JSON.stringify(region.shapes));
  });

  it('makes an article continued on another page (下转A2版 / 上接A1版) one article with a part and jumps on each page', () => {
    const { edition, truth, report } = importFixture('continued');
    const a5 = edition.articles.filter((a) => a.headline === '研究《政府工作报告》起草等工作');
    assert.equal(a5.length, 1);
    const id = a5[0].id;
    const onPages = edition.pages.filter((p) => p.regions.some((r) => r.article === id)).map((p) => p.label);
    assert.deepEqual(onPages, ['A1', 'A2']);
    // Its text is the printed article's, in order, without the jump lines.
    assert.deepEqual(a5[0].paragraphs, truth.articles.find((a) => a.id === 'a5').paragraphs);
    assert.deepEqual(
      edition.pages.map((p) => p.jumps),
      [[{ article: id, to: 'A2', text: '（下转A2版）' }], [{ article: id, from: 'A1', text: '（上接A1版）' }]],
    );
    // Nothing is lost, so nothing to warn of; the pages stay inline (a page file holds no jumps).
    assert.deepEqual(
      report.warnings.filter((w) => /jump|转|接/.test(w.message)),
      [],
    );
    assert.equal(edition.pages[1].src, undefined);
  });

  it('joins a continuation printed without a headline (上接A1版 on top), not giving it to the article beside it', () => {
    const { edition, truth, report } = importFixture('continued-headless');
    const a5 = edition.articles.filter((a) => a.headline === '研究《政府工作报告》起草等工作');
    assert.equal(a5.length, 1);
    const onPages = edition.pages.filter((p) => p.regions.some((r) => r.article === a5[0].id)).map((p) => p.label);
    assert.deepEqual(onPages, ['A1', 'A2']);
    assert.deepEqual(a5[0].paragraphs, truth.articles.find((a) => a.id === 'a5').paragraphs);
    // The article set level with it on its right keeps its own text only.
    const beside = edition.articles.find((a) => a.headline === '全力支持民营经济做大做强');
    assert.deepEqual(beside.paragraphs, truth.articles.find((a) => a.id === 'a3-a2').paragraphs);
    assert.equal(edition.pages[1].jumps.length, 1);
    assert.ok(!edition.articles.some((a) => a.headline.includes('上接')));
    assert.deepEqual(
      report.warnings.filter((w) => /jump|转|接|headline/.test(w.message)),
      [],
    );
  });

  it('reads an English two-column newsletter: three articles under one rule, each with its byline, no page in doubt', () => {
    const { edition, truth, report } = importFixture('newsletter');
    const news = edition.articles.filter((a) => !a.kind);
    assert.deepEqual(
      news.map((a) => [a.headline, a.bylines ?? []]),
      truth.articles.map((a) => [a.headline, a.bylines ?? []]),
    );
    assert.deepEqual(
      news.map((a) => a.paragraphs),
      truth.articles.map((a) => a.paragraphs),
    );
    assert.equal(edition.lang, 'en');
    assert.deepEqual(
      report.warnings.filter((w) => /doubt/.test(w.message)),
      [],
    );
  });

  it('keeps the pages of a continued article inline when it writes page files', () => {
    const { truth } = readJson(join(FIX, 'continued.truth.json'));
    const out = join(work, 'continued-page-files');
    const files = ['continued-A01.pdf', 'continued-A02.pdf'].map((f) => join(FIX, f));
    const run = cli(['import', 'pdf', ...files, '--date', truth.date, '--widths', '400', '-o', out, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const edition = readJson(join(out, 'edition.json'));
    assert.ok(
      edition.pages.every((p) => !p.src && p.regions.length),
      JSON.stringify(edition.pages.map((p) => p.src)),
    );
    assert.equal(edition.pages[1].jumps.length, 1);
    assert.equal(cli(['validate', join(out, 'edition.json')]).code, 0);
  });

  it('writes what the committed imported edition of the continued fixture holds (tests/fixtures/pdf-import)', () => {
    const kept = join(ROOT, 'tests/fixtures/pdf-import/continued');
    const out = join(work, 'continued-kept');
    const files = ['continued-A01.pdf', 'continued-A02.pdf'].map((f) => join(FIX, f));
    const title = '株洲日报（PDF 导入测试，非真实版面）';
    const args = ['--date', '2021-01-08', '--lang', 'zh-CN', '--id', 'pdf-import-continued', '--title', title];
    const run = cli(['import', 'pdf', ...files, ...args, '--single-file', '--widths', '600', '-o', out, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readJson(join(out, 'edition.json')), readJson(join(kept, 'edition.json')), 'import it again (its README says how)');
    for (const page of readJson(join(kept, 'edition.json')).pages) assert.ok(existsSync(join(kept, page.scan.src)), page.scan.src);
  });

  it('leaves a jump line whose page is not imported in the text, and warns naming the page and the line', () => {
    const { truth } = readJson(join(FIX, 'continued.truth.json'));
    const out = join(work, 'continued-alone');
    const run = cli(['import', 'pdf', join(FIX, 'continued-A01.pdf'), '--date', truth.date, '--widths', '400', '-o', out, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const edition = readJson(join(out, 'edition.json'));
    const a5 = edition.articles.find((a) => a.headline === '研究《政府工作报告》起草等工作');
    assert.equal(a5.paragraphs.at(-1), '（下转A2版）');
    assert.equal(edition.pages[0].jumps, undefined);
    const warning = run.json.warnings.find((w) => w.message.includes('（下转A2版）'));
    assert.ok(warning, JSON.stringify(run.json.warnings));
    assert.match(
      warning.message,
      /^page A1: the jump line "（下转A2版）" of "研究《政府工作报告》起草等工作": page A2 is not in the input/,
    );
  });

  it('reads vertical headlines top to bottom, right to left, and puts their characters in the text layer', () => {
    const { edition } = importFixture('vertical');
    const headlines = edition.articles.map((a) => a.headline);
    assert.ok(headlines.includes('风补基金“及时雨”覆盖株洲城区'), headlines.join(' / '));
    assert.ok(headlines.includes('陈埠港小游园月底完成主体施工'), headlines.join(' / '));
    // a1's headline stands at the right of the page's top right article: one character a line in the text layer, each in its place.
    const chars = edition.pages[0].text.filter((line) => [...line.text].length === 1 && line.h >= 30 && line.x > 1800 && line.y < 450);
    assert.equal(chars.map((c) => c.text).join(''), '风补基金“及时雨”覆盖株洲城区');
    assert.ok(chars.every((c, i) => i === 0 || c.y > chars[i - 1].y || c.x < chars[i - 1].x));
  });

  it('takes a box of one light tone with next to no text for a photo (a placeholder), its caption under it', () => {
    // The vertical fixture was printed from the A1 edition as it is now, whose photo placeholder is a plain light tone.
    const { edition } = importFixture('vertical');
    const a6 = edition.articles.find((a) => a.headline === '扶贫小车间 托起大梦想');
    assert.equal(a6.photos?.[0]?.caption, '国声声学生产车间，工人们正在生产耳机。');
    assert.ok(!a6.paragraphs.some((p) => p.includes('图片暂缺')), a6.paragraphs[0]);
  });

  it('finds the advertisements of a page of them as advertisements, their 广告 mark left out', () => {
    const { truth, edition } = importFixture('ads');
    const s = score(truth, edition);
    assert.deepEqual(s.ads, { truth: 6, found: 6, matched: 6, f1: 1 });
    assert.equal(s.found, 0);
    const ads = edition.articles.filter((a) => a.kind === 'advertisement');
    assert.ok(ads.every((a) => !a.banner && !a.paragraphs.includes('广告')));
    assert.ok(
      ads.some((a) => a.headline === '湘江商城 新春好礼'),
      ads.map((a) => a.headline).join(' / '),
    );
  });

  it('reads text printed in full CJK fonts as printed, not as the radicals the PDF maps it to', () => {
    const { truth, edition } = importFixture('full-fonts');
    const s = score(truth, edition);
    assert.equal(s.headlines, 1, s.misses.join('\n'));
    assert.ok(!/[\u2E80-\u2FD5]/u.test(JSON.stringify(edition.articles)));
    assert.ok(s.cer < 0.01, `body CER ${s.cer}`);
  });

  it('takes article boxes from the layout system with --articles', () => {
    const boxes = join(work, 'boxes.json');
    writeFileSync(boxes, JSON.stringify({ unit: 'px', pages: { A1: [{ id: 'lead', x: 60, y: 362, w: 1167.5, h: 726 }] } }));
    const { edition } = importFixture('a1', ['--articles', boxes]);
    assert.deepEqual(
      edition.articles.map((a) => a.id),
      ['lead'],
    );
    assert.equal(edition.articles[0].headline, '中共中央政治局常务委员会召开会议');
  });
});

describe('import pdf: bad input', () => {
  const run = (name, bytes, extra = []) => {
    const file = join(work, name);
    writeFileSync(file, bytes);
    return { file, ...cli(['import', 'pdf', file, '--date', '2021-01-08', '-o', join(work, `out-${name}`), '--widths', '300', ...extra]) };
  };

  it('refuses an encrypted PDF, saying so', () => {
    const r = run('locked.pdf', encryptedPdf());
    assert.equal(r.code, 1);
    assert.match(r.stderr, /locked\.pdf: the PDF is encrypted/);
  });

  it('refuses a damaged PDF', () => {
    const r = run('broken.pdf', Buffer.from('%PDF-1.7\n' + 'garbage '.repeat(50)));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /broken\.pdf: (damaged or not a PDF|the PDF could not be read)/);
  });

  it('refuses an empty file and a file that is not a PDF', () => {
    assert.match(run('empty.pdf', Buffer.alloc(0)).stderr, /empty\.pdf: empty file/);
    assert.match(run('text.pdf', Buffer.from('hello')).stderr, /text\.pdf: not a PDF/);
  });

  it('refuses a PDF over --max-bytes before reading it', () => {
    const r = run('big.pdf', readFileSync(join(FIX, 'a1.pdf')), ['--max-bytes', '1000']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /big\.pdf: \d+ bytes, over the 1000/);
  });

  for (const [name, make, why] of [
    ['scan.pdf', imageOnlyPdf, /no text \(an image only\)/],
    ['nomap.pdf', unmappedFontPdf, /no Unicode mapping|accented Latin|no text/],
  ])
    it(`keeps ${name} as a scan page without text, with a warning`, () => {
      const r = run(name, make(), ['--json']);
      assert.equal(r.code, 0, r.stderr);
      const edition = readJson(join(work, `out-${name}`, 'edition.json'));
      assert.equal(edition.pages[0].text, undefined);
      assert.deepEqual(edition.pages[0].regions, []);
      assert.ok(
        r.json.warnings.some((w) => why.test(w.message) && w.message.includes(name)),
        JSON.stringify(r.json.warnings),
      );
    });
});

describe('import pdf: underscores drawn as bars in small type', () => {
  it('reads a bar a fifth of an em or more of the type it stands in as `_`, however small the type', () => {
    const file = join(work, 'bars.pdf');
    // Hand-made (tests/node/support/mini-pdf.mjs), not a real page: TeX's underscores in 6, 7 and
    // 11 pt type (bars of 2.4, 2.8 and 4.4 pt: the first two under the 3 pt a rule needs), and a
    // speck of 0.1 em (2 pt) between two words of 20 pt type, which stays a space.
    writeFileSync(
      file,
      underscoreBarsPdf([
        { size: 6, words: ['asn1', 'create', 'element'] },
        { size: 7, words: ['asn1', 'read', 'tag'] },
        { size: 11, words: ['asn1', 'der', 'coding'] },
        { size: 20, words: ['bar', 'box'], bar: 0.1 },
      ]),
    );
    const out = join(work, 'bars-out');
    const run = cli(['import', 'pdf', file, '--date', '2021-01-08', '--widths', '300', '--single-file', '-o', out, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const lines = readJson(join(out, 'edition.json')).pages[0].text.map((line) => line.text);
    assert.deepEqual(lines, ['asn1_create_element', 'asn1_read_tag', 'asn1_der_coding', 'bar box']);
  });
});
