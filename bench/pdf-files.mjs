// `e-paper import pdf` on an edition of several page files, in variants run turn by turn (so
// that a shared machine's load falls on each alike): wall s per page, processor s per page (the
// command's and its reader processes'), the peak memory of the command and its readers together
// and of the largest reader (bench/measure.mjs), medians of --runs. Variants: this checkout's
// command with --jobs 1 and 2 (and 1 with Node's own inflater, E_PAPER_PDF_INFLATE=native), and
// with --base DIR, another checkout's built command (dist/cli/e-paper.js), as it was.
// The edition: A01–A04 from the printed fixtures (a1, full-fonts, boxed, l-shape: none a real
// page), or --files a b c….
//
//   node bench/pdf-files.mjs [--runs N] [--base DIR] [--files A01.pdf …]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string' }, base: { type: 'string' }, files: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const runs = Math.max(1, Number(values.runs ?? 3) || 3);
const work = mkdtempSync(join(tmpdir(), 'e-paper-pdf-files-'));
const fixtures = ['a1', 'full-fonts', 'boxed', 'l-shape'];
const files =
  values.files?.map((f) => resolve(f)) ??
  fixtures.map((name, i) => {
    const file = join(work, `A0${i + 1}.pdf`);
    copyFileSync(`tests/fixtures/pdf/${name}.pdf`, file);
    return file;
  });

const here = 'dist/cli/e-paper.js';
const variants = [
  ...(values.base ? [{ name: `base (${values.base})`, bin: join(resolve(values.base), here), args: [] }] : []),
  { name: '--jobs 1, Node’s inflater', bin: here, args: ['--jobs', '1'], env: { E_PAPER_PDF_INFLATE: 'native' } },
  { name: '--jobs 1', bin: here, args: ['--jobs', '1'] },
  { name: '--jobs 2', bin: here, args: ['--jobs', '2'] },
];

const results = variants.map(() => []);
const loads = [];
for (let run = 0; run < runs; run++) {
  for (const [v, variant] of variants.entries()) {
    const out = join(work, `out-${v}`);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const t0 = performance.now();
    const child = spawnSync(
      process.execPath,
      [
        'bench/measure.mjs',
        variant.bin,
        'import',
        'pdf',
        ...files,
        '--date',
        '2021-01-08',
        '--single-file',
        '-o',
        out,
        '-q',
        ...variant.args,
      ],
      { encoding: 'utf8', env: { ...process.env, ...variant.env } },
    );
    const wall = (performance.now() - t0) / 1000;
    if (child.status !== 0) throw new Error(`${variant.name}: exit ${child.status}\n${child.stderr}`);
    const get = (key) => Number(new RegExp(`${key}=(\\d+)`).exec(child.stderr)?.[1] ?? 0);
    results[v].push({ wall, cpu: (get('cpu') + get('children')) / 1000, tree: get('tree') / 1024, reader: get('readers') / 1024 });
    loads.push(loadavg()[0]);
  }
}
rmSync(work, { recursive: true, force: true });

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const n = files.length;
console.log(`${n} files, median of ${runs} interleaved runs, load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}\n`);
console.log('| variant | wall s per page | CPU s per page | peak MB, all processes | peak MB, largest reader |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [v, variant] of variants.entries()) {
  const r = results[v];
  console.log(
    `| ${variant.name} | ${(median(r.map((x) => x.wall)) / n).toFixed(2)} | ${(median(r.map((x) => x.cpu)) / n).toFixed(2)} | ${Math.round(Math.max(...r.map((x) => x.tree)))} | ${r.some((x) => x.reader) ? Math.round(Math.max(...r.map((x) => x.reader))) : '—'} |`,
  );
}
