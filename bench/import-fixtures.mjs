// The importers on the project's fixtures (none a real newspaper), through the built command:
// input kind × pages × articles × regions × words × warnings, and the time per page (median of
// `--runs` imports, 5 by default). Run after npm run build: node bench/import-fixtures.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const fixtures = 'tests/fixtures/cli';
const local = `https://example.org/not-a-real-paper/=${fixtures}/iiif`;
const cases = [
  ['iiif (v3: annotations, supplementary, ALTO)', ['iiif', `${fixtures}/iiif/1821-08-01/manifest.json`, '--local', local, '--offline']],
  ['iiif (v2, upgraded)', ['iiif', `${fixtures}/iiif/1821-08-02/manifest-v2.json`, '--offline']],
  ['mets (structLink)', ['mets', `${fixtures}/mets-structlink`, '--image', 'web/{stem}.png']],
  ['alto (no METS)', ['alto', `${fixtures}/alto-only`, '--title', 'Test Gazette']],
  ['image-map (数字报 site)', ['image-map', `${fixtures}/image-map-site`]],
];
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('| input | pages | articles | regions | words | warnings | ms per page |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, args] of cases) {
  const times = [];
  let summary;
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'e-paper-bench-'));
    const run = spawnSync(process.execPath, ['dist/cli/e-paper.js', 'import', ...args, '-o', out, '--copy-images', '--json'], {
      encoding: 'utf8',
    });
    rmSync(out, { recursive: true, force: true });
    if (run.status !== 0) throw new Error(`${name}: exit ${run.status}\n${run.stderr}${run.stdout}`);
    [summary] = JSON.parse(run.stdout).editions;
    times.push(summary.ms / summary.pages);
  }
  console.log(
    `| ${name} | ${summary.pages} | ${summary.articles} | ${summary.regions} | ${summary.words} | ${summary.warnings} | ${median(times).toFixed(0)} |`,
  );
}
