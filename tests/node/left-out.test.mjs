// `e-paper import` as a publisher's nightly job runs it, on input with one page (or page file)
// that cannot be read: the edition is written with the rest, the warning names what is missing,
// the summary's last line says how many and which, and the exit code is 4 (2 with --strict), so
// a job that publishes without reading warnings can tell (src/cli/left-out.ts). A PDF page that
// fails leaves none of its images behind. The inputs are the project's fixtures (none a real
// newspaper) with one page spoilt, and PDFs written by hand (not real pages).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, cli, importSources, readJson, temp } from './helpers.mjs';
import { textPdf } from './support/mini-pdf.mjs';

const work = temp('e-paper-left-out-');
after(() => rmSync(work, { recursive: true, force: true }));

/** The summary's last line, as the command prints it without --json. */
const lastLine = (stdout) => stdout.trimEnd().split('\n').at(-1);

/** Runs an import twice, with --json and without, and checks what both say of `missing`. */
function importWithMissing(args, missing, { cwd = work } = {}) {
  const json = cli([...args, '--json'], { cwd });
  assert.equal(json.code, 4, json.stderr);
  // A nightly job parses both streams: under --json, stderr carries nothing but a crash.
  assert.equal(json.stderr, '', 'nothing on stderr under --json');
  assert.equal(json.json.exitCode, 4);
  assert.deepEqual(json.json.leftOut, missing);
  for (const name of missing)
    assert.ok(
      json.json.warnings.some((w) => w.path === name || `${w.edition}: ${w.path}` === name),
      `a warning names ${name}: ${JSON.stringify(json.json.warnings)}`,
    );
  const text = cli(args, { cwd });
  assert.equal(text.code, 4, text.stderr);
  const line = lastLine(text.stdout);
  assert.match(line, new RegExp(`^left out of the edition, as they could not be read: ${missing.length} of the input's pages or files: `));
  for (const name of missing) assert.ok(line.includes(name), `${name} in: ${line}`);
  return { ...json, text };
}

describe('import: a page of the input that cannot be read', () => {
  it('documents exit code 4 in --help', () => {
    for (const args of [['--help'], ['import', '--help']])
      assert.match(cli(args).stdout, /^ {2}4 {3}import: edition written, but pages of the input are left out of it$/m);
  });

  it('pdf: writes the other pages, names the page and the file, exits 4, and leaves no image of them behind', () => {
    const input = join(work, 'pdf-issue');
    mkdirSync(input);
    // A01.pdf: page 1 a short article; page 2 taller than an edition's page may be (refused once
    // drawn, its images written); page 3 drawn 200 px wide is taller than WebP can be (16383 px):
    // its 100 px image is written, the 200 px one fails.
    const article = ['Town opens the new bridge', 'The town opened its new bridge on Monday.', 'People crossed it on foot.'];
    const pages = [{ lines: article }, { width: 1000, height: 76_000, lines: ['Too tall'] }, { height: 74_000, lines: ['Too thin'] }];
    writeFileSync(join(input, 'A01.pdf'), textPdf(pages));
    writeFileSync(join(input, 'A02.pdf'), Buffer.from('%PDF-1.7\n' + 'garbage '.repeat(50)));
    for (const jobs of ['1', '2']) {
      const out = join(work, `pdf-out-${jobs}`);
      const args = ['import', 'pdf', input, '--date', '2021-01-08', '--widths', '100,200', '--jobs', jobs, '-o', out];
      const run = importWithMissing(args, [join(input, 'A01.pdf page 2'), join(input, 'A01.pdf page 3'), join(input, 'A02.pdf')]);
      const about = (page) => run.json.warnings.find((w) => w.path.endsWith(page)).message;
      assert.match(about('page 2'), /^left out of the edition: .*A01\.pdf page 2: a page of 1000 × 76000 pt: refused/);
      assert.match(about('page 3'), /^left out of the edition: 3: the page image could not be encoded/);
      assert.match(
        run.json.warnings.find((w) => w.path.endsWith('A02.pdf')).message,
        /^left out of the edition: .*A02\.pdf: damaged or not a PDF|could not be read/,
      );
      const edition = readJson(join(out, 'edition.json'));
      assert.deepEqual(
        edition.pages.map((p) => p.label),
        ['1'],
      );
      assert.ok(edition.pages[0].text.some((line) => line.text === 'The town opened its new bridge on Monday.'));
      // The images folder holds the landed page's images and nothing else.
      const shown = [edition.pages[0].scan, ...edition.pages[0].scan.srcset].map((s) => decodeURIComponent(s.src).replace('images/', ''));
      assert.deepEqual(readdirSync(join(out, 'images')).sort(), shown.sort());
      assert.deepEqual(readJson(join(out, 'warnings.json')).leftOut, run.json.leftOut);
    }
  });

  it('pdf: --strict keeps its meaning (exit 2), and an import with nothing left out exits 0', () => {
    const input = join(work, 'pdf-strict');
    mkdirSync(input);
    writeFileSync(join(input, 'A01.pdf'), textPdf([{ lines: ['A short notice'] }]));
    writeFileSync(join(input, 'A02.pdf'), Buffer.from('not a PDF'));
    const args = ['import', 'pdf', input, '--date', '2021-01-08', '--widths', '100', '--jobs', '1', '--json'];
    assert.equal(cli([...args, '-o', join(work, 'pdf-strict-out'), '--strict']).code, 2);
    const whole = cli([...args.slice(0, 2), join(input, 'A01.pdf'), ...args.slice(3), '-o', join(work, 'pdf-whole-out')]);
    assert.equal(whole.code, 0, whole.stderr);
    assert.deepEqual(whole.json.leftOut, []);
  });

  it('alto: a page file that is not XML', () => {
    const input = join(work, 'alto');
    cpSync(join(FIXTURES, 'alto-only'), input, { recursive: true });
    writeFileSync(join(input, '1821-08-01-p2.xml'), '<alto><Layout><Page');
    const out = join(work, 'alto-out');
    importWithMissing(['import', 'alto', input, '-o', out, '--title', 'Test Gazette'], ['alto[1821-08-01-p2.xml]']);
    assert.equal(readJson(join(out, 'edition.json')).pages.length, 1);
  });

  it('mets: an ALTO file that is missing', () => {
    const input = join(work, 'mets');
    cpSync(join(FIXTURES, 'mets-structlink'), input, { recursive: true });
    rmSync(join(input, 'alto/0002.xml'));
    const out = join(work, 'mets-out');
    const run = importWithMissing(['import', 'mets', input, '-o', out, '--image', 'web/{stem}.png'], ['div[PHYS_0002]']);
    assert.match(run.json.warnings.find((w) => w.path === 'div[PHYS_0002]').message, /0002\.xml.*page skipped/);
    assert.equal(readJson(join(out, 'edition.json')).pages.length, 1);
  });

  it('image-map: a page whose image is not there', () => {
    const input = join(work, 'image-map');
    cpSync(join(FIXTURES, 'image-map-site'), input, { recursive: true });
    rmSync(join(input, 'images/2021-01/08/page2.png'));
    const out = join(work, 'image-map-out');
    const run = importWithMissing(['import', 'image-map', input, '-o', out], ['page[html/2021-01/08/node_2.htm]']);
    assert.match(run.json.warnings.find((w) => w.path.includes('node_2')).message, /page2\.png.*page skipped/);
    assert.deepEqual(
      readJson(join(out, 'edition.json')).pages.map((p) => p.label),
      ['A01'],
    );
  });

  it('iiif: a canvas without an image, and a Collection manifest that is not JSON', () => {
    const input = join(work, 'iiif');
    cpSync(join(FIXTURES, 'iiif'), input, { recursive: true });
    const local = `https://example.org/not-a-real-paper/=${input}`;
    const path = join(input, '1821-08-01/manifest.json');
    const manifest = readJson(path);
    manifest.items[1].items = [];
    writeFileSync(path, JSON.stringify(manifest));
    const out = join(work, 'iiif-out');
    importWithMissing(['import', 'iiif', path, '-o', out, '--local', local, '--offline'], ['items[1]']);
    assert.equal(readJson(join(out, 'edition.json')).pages.length, 1);

    const v2 = join(input, '1821-08-02/manifest-v2.json');
    writeFileSync(v2, readFileSync(v2, 'utf8').slice(0, 200));
    const site = join(work, 'iiif-site');
    const run = importWithMissing(
      ['import', 'iiif', join(input, 'collection.json'), '-o', site, '--local', local, '--offline'],
      ['test-herald-1821-08-01: items[1]', 'https://example.org/not-a-real-paper/1821-08-02/manifest-v2.json'],
    );
    assert.deepEqual(
      run.json.editions.map((e) => e.id),
      ['test-herald-1821-08-01'],
    );
    assert.ok(existsSync(join(site, 'archive.json')));
    // A person running it sees the manifest that was not imported as it happens.
    assert.match(run.text.stderr, /^warning: https:\/\/example\.org\/not-a-real-paper\/1821-08-02\/manifest-v2\.json: not imported: /m);
  });
});

describe('import pdf: the images of a page that did not land', () => {
  it('are removed whatever widths they were drawn at, and only theirs', async () => {
    const { removeImagesOf } = await importSources('left-out-render', ['cli/pdf/render.ts']);
    const out = join(work, 'sweep');
    mkdirSync(join(out, 'images'), { recursive: true });
    const names = ['A2-500.webp', 'A2-2000.jpg', 'A2-2-500.webp', 'A20-500.webp', 'A2-photo.png', 'A1-500.webp'];
    for (const name of names) writeFileSync(join(out, 'images', name), '');
    removeImagesOf(out, 'A2');
    assert.deepEqual(readdirSync(join(out, 'images')).sort(), ['A1-500.webp', 'A2-2-500.webp', 'A2-photo.png', 'A20-500.webp']);
    // A label with characters a pattern would read otherwise.
    writeFileSync(join(out, 'images', 'AB-500.webp'), '');
    removeImagesOf(out, 'A.');
    assert.ok(existsSync(join(out, 'images', 'AB-500.webp')));
    removeImagesOf(join(work, 'no-such-folder'), 'A2');
  });
});
