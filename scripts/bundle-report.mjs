// What a bundle holds, per source module, in min+gzip bytes: `node scripts/bundle-report.mjs
// [dist/e-paper.js …] [--top N] [--json]` after a build (the builds write source maps beside
// every bundle). For each module: its minified bytes in the bundle (by the source map), and what
// it costs gzipped: the bundle's gzip size less that of the bundle without the module's bytes
// (so what moving it out would save, near enough: gzip shares strings between modules). Several
// bundles are read together, e.g. the entry and the parts loaded before `e-paper-ready`.
// `--show PART` prints instead the minified code of the modules whose path contains PART, as the
// bundle has it (where to look for what could go, or move to a part).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { relative, resolve, dirname } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args.splice(at, 2)[1];
};
const top = Number(option('--top', 40));
const show = option('--show', undefined);
const json = args.includes('--json') && args.splice(args.indexOf('--json'), 1);
const files = args.length ? args : ['dist/e-paper.js'];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** One line of a source map's `mappings` as [column, source?] segments (Base64 VLQ, fields relative to the previous). */
function* segments(mappings) {
  let source = 0;
  let line = 0;
  for (const text of mappings.split(';')) {
    let column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      yield { line, column, source: fields.length > 1 ? source : undefined };
    }
    line++;
  }
}

/** The bundle's bytes, each marked with the index of the module it came from (-1: none known). */
function attribute(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const root = resolve(dirname(file), map.sourceRoot ?? '');
  const names = map.sources.map((s) => relative(process.cwd(), resolve(root, s)).replace(/^.*node_modules\//, 'node_modules/'));
  const lines = code.split('\n');
  const owner = lines.map((l) => new Int32Array(l.length).fill(-1));
  let previous;
  const close = (until) => {
    if (previous && previous.source !== undefined) owner[previous.line].fill(previous.source, previous.column, until);
  };
  for (const segment of segments(map.mappings)) {
    close(segment.line === previous?.line ? segment.column : undefined);
    previous = segment;
  }
  close(undefined);
  return { lines, owner, names };
}

const bundles = files.map((file) => ({ file, ...attribute(file) }));
if (show) {
  for (const { file, lines, owner, names } of bundles) {
    const parts = new Map();
    lines.forEach((line, i) => {
      for (let c = 0; c < line.length; c++) {
        const name = names[owner[i][c]];
        if (name?.includes(show)) parts.set(name, (parts.get(name) ?? '') + line[c]);
      }
    });
    for (const [name, code] of parts) console.log(`// ${file}: ${name}\n${code}\n`);
  }
  process.exit(0);
}
const whole = (skip) =>
  bundles.reduce((sum, { lines, owner, names }) => {
    const kept = lines.map((line, i) => [...line].filter((_, c) => skip === undefined || names[owner[i][c]] !== skip).join('')).join('\n');
    return sum + gzipSync(kept, { level: 9 }).length;
  }, 0);

const raw = new Map();
for (const { lines, owner, names } of bundles)
  lines.forEach((line, i) => {
    for (let c = 0; c < line.length; c++) {
      const name = owner[i][c] < 0 ? '(unmapped)' : names[owner[i][c]];
      raw.set(name, (raw.get(name) ?? 0) + 1);
    }
  });
const total = whole(undefined);
const rows = [...raw]
  .filter(([name]) => name !== '(unmapped)')
  .map(([module, bytes]) => ({ module, min: bytes, gzip: total - whole(module) }))
  .sort((a, b) => b.gzip - a.gzip);

if (json) console.log(JSON.stringify({ files, gzip: total, modules: rows }, null, 2));
else {
  const kB = (n) => (n / 1000).toFixed(2).padStart(6);
  console.log(
    `${files.join(' + ')}: ${kB(total)} kB min+gzip (level 9), ${rows.length} modules; the ${Math.min(top, rows.length)} that cost most:`,
  );
  console.log('  gzip kB   min kB  module');
  for (const row of rows.slice(0, top)) console.log(`  ${kB(row.gzip)}  ${kB(row.min)}  ${row.module}`);
  const byFolder = new Map();
  for (const row of rows) {
    const folder = row.module.startsWith('node_modules/') ? row.module.split('/').slice(0, 2).join('/') : dirname(row.module);
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + row.gzip);
  }
  console.log('\n  by folder (sum of the modules’ costs):');
  for (const [folder, gzip] of [...byFolder].sort((a, b) => b[1] - a[1])) console.log(`  ${kB(gzip)}  ${folder}`);
}
