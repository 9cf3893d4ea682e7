// The PDF importer on the project's printed fixtures (tests/fixtures/pdf, made by
// scripts/make-pdf-fixtures.mjs and scripts/make-newsletter-fixture.mjs; none a real page): article F1, mean region IoU,
// headline exact match, body character error rate against the edition that was printed, the
// same F1 and IoU per part (an article's region on one page: a continued article has one on each
// page), the jumps of continued articles found as printed, the advertisements found as such, and the time and peak memory of the command per page. The text
// repair (radicals read as the ideographs printed, dashes) is measured apart: the body CER of a
// second import with the text as the PDF encodes it (E_PAPER_PDF_TEXT=as-encoded), and how many
// characters of the articles' text the repair changed. A fixture of several files is read as the
// command reads them, several at once (--jobs): its CPU s counts the reader processes too, and
// its peak MB is the command's and its readers' memory together (bench/measure.mjs). Run after npm run build (or node
// scripts/build-cli.mjs): node bench/pdf-fixtures.mjs [--runs N] [--details] [fixture names…]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { levenshtein, score } from './pdf-score.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 1;
const details = process.argv.includes('--details');
const dir = 'tests/fixtures/pdf';
const only = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--runs');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => f.replace('.truth.json', ''))
  .filter((name) => !only.length || only.includes(name));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pct = (x, digits = 1) => (x === null ? '—' : `${(100 * x).toFixed(digits)} %`);
const fixed = (x) => (x === null ? '—' : x.toFixed(3));

/** Characters that differ between two imports' article text (headlines and paragraphs), article by article. */
function changed(a, b) {
  const text = (edition) => edition.articles.map((x) => [x.headline, ...x.paragraphs].join('\n'));
  const [p, q] = [text(a), text(b)];
  let n = Math.abs(p.length - q.length);
  for (let i = 0; i < Math.min(p.length, q.length); i++) {
    const [s, t] = [[...p[i]], [...q[i]]];
    n += s.length === t.length ? s.filter((c, k) => c !== t[k]).length : levenshtein(p[i], q[i]);
  }
  return n;
}

/** The command on a fixture in a child of its own, so that its peak memory (maxRSS) is its alone. */
function importFixture(files, truth, env = {}) {
  const out = mkdtempSync(join(tmpdir(), 'e-paper-pdf-bench-'));
  const child = spawnSync(
    process.execPath,
    [
      'bench/measure.mjs',
      'dist/cli/e-paper.js',
      'import',
      'pdf',
      ...files.map((f) => join(dir, f)),
      '--date',
      truth.date,
      '--single-file',
      '-o',
      out,
      '--json',
    ],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  );
  if (child.status !== 0) throw new Error(`${files[0]}: exit ${child.status}\n${child.stderr}${child.stdout}`);
  const report = JSON.parse(child.stdout.slice(0, child.stdout.lastIndexOf('}') + 1));
  const edition = JSON.parse(readFileSync(join(out, 'edition.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  return {
    edition,
    seconds: report.ms / 1000 / files.length,
    // The command's own processor time and its reader processes' (a fixture of several files is read two at a time).
    cpu: (Number(/cpu=(\d+)/.exec(child.stderr)?.[1]) + Number(/children=(\d+)/.exec(child.stderr)?.[1] ?? 0)) / 1000 / files.length,
    // The command and its readers together, at their peak.
    peak: Number(/tree=(\d+)/.exec(child.stderr)?.[1] ?? /maxrss=(\d+)/.exec(child.stderr)?.[1]) / 1024,
  };
}

console.log(
  '| fixture | pages | articles (truth / found) | F1 | mean IoU | parts (truth / found) | parts F1 | parts IoU | jumps (truth / found / right) | headlines | body CER | CER as encoded | chars repaired | ads (truth / found) | s per page | CPU s per page | peak MB |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const totals = [];
for (const name of names) {
  const { files, truth } = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8'));
  const times = [];
  const peaks = [];
  const cpus = [];
  let result;
  let edition;
  for (let i = 0; i < runs; i++) {
    const run = importFixture(files, truth);
    times.push(run.seconds);
    cpus.push(run.cpu);
    peaks.push(run.peak);
    edition = run.edition;
    result = score(truth, edition);
  }
  const raw = importFixture(files, truth, { E_PAPER_PDF_TEXT: 'as-encoded' }).edition;
  const asEncoded = score(truth, raw);
  totals.push({ ...result, partsF1: result.parts.f1, partsIou: result.parts.iou });
  console.log(
    `| ${name} | ${files.length} | ${result.truth} / ${result.found} | ${fixed(result.f1)} | ${fixed(result.iou)} | ${result.parts.truth} / ${result.parts.found} | ${fixed(result.parts.f1)} | ${fixed(result.parts.iou)} | ${result.jumps.truth} / ${result.jumps.found} / ${result.jumps.right} | ${pct(result.headlines)} | ${pct(result.cer, 2)} | ${result.cer === null ? '—' : pct(asEncoded.cer, 2)} | ${changed(raw, edition)} | ${result.ads.truth} / ${result.ads.found} | ${median(times).toFixed(2)} | ${median(cpus).toFixed(2)} | ${Math.round(Math.max(...peaks))} |`,
  );
  if (details) for (const miss of result.misses) console.log(`  ${miss}`);
}
/** The mean over the fixtures where the score applies (a page of advertisements has no article to score). */
const mean = (key) => {
  const values = totals.map((t) => t[key]).filter((v) => v !== null);
  return values.reduce((n, v) => n + v, 0) / values.length;
};
console.log(
  `| **mean** | | | ${fixed(mean('f1'))} | ${fixed(mean('iou'))} | | ${fixed(mean('partsF1'))} | ${fixed(mean('partsIou'))} | | ${pct(mean('headlines'))} | ${pct(mean('cer'), 2)} | | | | | | |`,
);
