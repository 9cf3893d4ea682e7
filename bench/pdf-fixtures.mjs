// The PDF importer on the project's printed fixtures (tests/fixtures/pdf, made by
// scripts/make-pdf-fixtures.mjs; none a real page of the paper): article F1, mean region IoU,
// headline exact match, body character error rate against the edition that was printed, and the
// time and peak memory of the command per page. Run after npm run build (or node
// scripts/build-cli.mjs): node bench/pdf-fixtures.mjs [--runs N] [--details]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { score } from './pdf-score.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 1;
const details = process.argv.includes('--details');
const dir = 'tests/fixtures/pdf';
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => f.replace('.truth.json', ''));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pct = (x) => `${(100 * x).toFixed(1)} %`;

console.log(
  '| fixture | pages | articles (truth / found) | F1 | mean IoU | headlines | body CER | s per page | CPU s per page | peak MB |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const totals = [];
for (const name of names) {
  const { files, truth } = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8'));
  const times = [];
  const peaks = [];
  const cpus = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'e-paper-pdf-bench-'));
    // The command in a child of its own, so that its peak memory (maxRSS) is its alone.
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
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`${name}: exit ${child.status}\n${child.stderr}${child.stdout}`);
    const report = JSON.parse(child.stdout.slice(0, child.stdout.lastIndexOf('}') + 1));
    const peak = Number(/maxrss=(\d+)/.exec(child.stderr)?.[1]) / 1024;
    cpus.push(Number(/cpu=(\d+)/.exec(child.stderr)?.[1]) / 1000 / files.length);
    const edition = JSON.parse(readFileSync(join(out, 'edition.json'), 'utf8'));
    rmSync(out, { recursive: true, force: true });
    times.push(report.ms / 1000 / files.length);
    peaks.push(peak);
    result = score(truth, edition);
  }
  totals.push(result);
  console.log(
    `| ${name} | ${files.length} | ${result.truth} / ${result.found} | ${result.f1.toFixed(3)} | ${result.iou.toFixed(3)} | ${pct(result.headlines)} | ${pct(result.cer)} | ${median(times).toFixed(2)} | ${median(cpus).toFixed(2)} | ${Math.round(Math.max(...peaks))} |`,
  );
  if (details) for (const miss of result.misses) console.log(`  ${miss}`);
}
const mean = (key) => totals.reduce((n, t) => n + t[key], 0) / totals.length;
console.log(
  `| **mean** | | | ${mean('f1').toFixed(3)} | ${mean('iou').toFixed(3)} | ${pct(mean('headlines'))} | ${pct(mean('cer'))} | | |`,
);
