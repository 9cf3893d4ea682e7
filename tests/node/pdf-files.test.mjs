// `e-paper import pdf` on several files at once (src/cli/pdf/pool.ts): the edition is the same
// as when the files are read one after another, a file that cannot be read is named in a warning
// while the others land, a reader process that dies loses only its file, and the labels come in
// file order whatever order the readers ask in (src/cli/pdf/labels.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, temp, readJson, importSources } from './helpers.mjs';
import { encryptedPdf } from './support/mini-pdf.mjs';

const FIX = join(ROOT, 'tests/fixtures/pdf');
const work = temp('e-paper-pdf-files-');
after(() => rmSync(work, { recursive: true, force: true }));

let m;
before(async () => {
  // In the tests' cache under node_modules/.cache/, where the command's finder looks for scripts/pdf/ two folders up.
  m = await importSources('pdf-files', ['cli/pdf/pool.ts', 'cli/pdf/labels.ts']);
});

describe('import pdf: several files at once', () => {
  it('keeps the order of the files, names one it cannot read, and lands the others, as when read one by one', () => {
    const input = join(work, 'issue');
    mkdirSync(input);
    copyFileSync(join(FIX, 'a1.pdf'), join(input, 'A01.pdf'));
    writeFileSync(join(input, 'A02.pdf'), encryptedPdf());
    copyFileSync(join(FIX, 'boxed.pdf'), join(input, 'A03.pdf'));
    const runs = [2, 1].map((jobs) => {
      const out = join(work, `jobs-${jobs}`);
      const run = cli([
        'import',
        'pdf',
        input,
        '--date',
        '2021-01-08',
        '--single-file',
        '--widths',
        '300',
        '-o',
        out,
        '--json',
        '--jobs',
        String(jobs),
      ]);
      // The edition is written, a file of it left out (exit 4: src/cli/left-out.ts).
      assert.equal(run.code, 4, run.stderr);
      return { out, run, edition: readJson(join(out, 'edition.json')) };
    });
    const [parallel, serial] = runs;
    assert.deepEqual(
      parallel.edition.pages.map((p) => p.label),
      ['A1', 'A3'],
    );
    for (const { run, out, edition } of runs) {
      const warning = run.json.warnings.find((w) => w.message.includes('A02.pdf'));
      assert.ok(warning, JSON.stringify(run.json.warnings));
      assert.match(warning.message, /left out of the edition: .*A02\.pdf: the PDF is encrypted/);
      for (const page of edition.pages) assert.ok(existsSync(join(out, decodeURIComponent(page.scan.src))), page.scan.src);
      assert.ok(edition.articles.length > 5, `${edition.articles.length} articles`);
    }
    // The same edition, page for page, article for article.
    assert.deepEqual(parallel.edition, serial.edition);
  });

  it('fails, naming the file, when no file can be read', () => {
    const input = join(work, 'none');
    mkdirSync(input);
    writeFileSync(join(input, 'A01.pdf'), encryptedPdf());
    writeFileSync(join(input, 'A02.pdf'), Buffer.from('%PDF-1.7\n' + 'garbage '.repeat(50)));
    const run = cli(['import', 'pdf', input, '--date', '2021-01-08', '--widths', '300', '-o', join(work, 'none-out'), '--jobs', '2']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /A01\.pdf: the PDF is encrypted/);
  });

  it('refuses a --jobs that is not a whole number', () => {
    const run = cli(['import', 'pdf', join(FIX, 'a1.pdf'), '--date', '2021-01-08', '-o', join(work, 'bad-jobs'), '--jobs', '1.5']);
    assert.equal(run.code, 64);
    assert.match(run.stderr, /--jobs: expected a whole number/);
  });

  it('loses only the file of a reader process that dies, and starts another for the files left', async () => {
    // A stand-in reader: one page a file, except crash.pdf, whose reader dies once it has its labels.
    const reader = join(work, 'fake-reader.mjs');
    writeFileSync(
      reader,
      `const waiting = new Map();
      process.on('message', (m) => {
        if (m.type === 'labels') return waiting.get(m.f)?.(m.labels);
        if (m.type !== 'file') return;
        new Promise((resolve) => { waiting.set(m.f, resolve); process.send({ type: 'count', f: m.f, count: 1 }); }).then((labels) => {
          if (m.file === 'crash.pdf') process.exit(9);
          process.send({ type: 'page', f: m.f, page: { n: 1, label: labels[0], content: { pid: process.pid }, scan: {} } });
          process.send({ type: 'done', f: m.f });
        });
      });
      process.on('disconnect', () => process.exit(0));`,
    );
    const run = async (files, jobs) => {
      const pages = [];
      const failures = [];
      const started = [];
      await m.readInProcesses(
        files,
        jobs,
        { paths: {}, options: {} },
        new m.PageLabels(files),
        {
          started: (f) => started.push(f),
          page: (f, page) => pages.push({ f, label: page.label, pid: page.content.pid }),
          failed: (f, failure) => failures.push({ f, ...failure }),
        },
        reader,
      );
      pages.sort((a, b) => a.f - b.f);
      return { pages, failures, started };
    };
    const many = await run(['one.pdf', 'crash.pdf', 'three.pdf', 'four.pdf', 'five.pdf'], 2);
    assert.deepEqual(many.started, [0, 1, 2, 3, 4]);
    assert.deepEqual(
      many.pages.map((p) => [p.f, p.label]),
      [
        [0, '1'],
        [2, '3'],
        [3, '4'],
        [4, '5'],
      ],
    );
    assert.equal(many.failures.length, 1);
    assert.equal(many.failures[0].f, 1);
    assert.match(many.failures[0].message, /^crash\.pdf: its reader process exited \(9\) before it was read to the end/);
    // One reader: the file after the one that died is read by a new one.
    const one = await run(['one.pdf', 'crash.pdf', 'three.pdf'], 1);
    assert.deepEqual(
      one.pages.map((p) => p.label),
      ['1', '3'],
    );
    assert.notEqual(one.pages[0].pid, one.pages[1].pid);
  });

  it('gives the labels in file order whatever order the files say their page counts in', () => {
    const files = ['A01.pdf', 'A01.pdf', 'x.pdf', 'A03.pdf', 'y.pdf', '05.pdf'];
    const counts = [1, 1, 3, 0, 2, 1];
    const inOrder = new m.PageLabels(files);
    const expected = files.map((_, f) => inOrder.of(f, counts[f]));
    const orders = [
      [5, 4, 3, 2, 1, 0],
      [2, 0, 5, 1, 4, 3],
      [1, 3, 5, 0, 2, 4],
    ];
    return Promise.all([
      Promise.all(expected).then((labels) => assert.deepEqual(labels, [['A1'], ['A1-2'], ['3', '4', '5'], [], ['6', '7'], ['5-2']])),
      ...orders.map(async (order) => {
        const labels = new m.PageLabels(files);
        const given = [];
        for (const f of order) given[f] = labels.of(f, counts[f]);
        assert.deepEqual(await Promise.all(given), await Promise.all(expected));
      }),
    ]);
  });
});
