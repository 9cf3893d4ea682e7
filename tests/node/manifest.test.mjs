// `npm run manifest` (custom-elements-manifest.config.mjs): every element src/define.ts and
// src/lazy-parts.ts register is declared with its tag, run after run. The toolbar was once left
// out: its lazy entry waits for the UI font (`… m.EPaperToolbar))`), which the pattern that read
// the class from the entry did not match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const read = (path) => readFileSync(join(ROOT, path), 'utf8');
/** The tags a registration table of `path` names (`'e-paper-…':` keys after `ELEMENTS = {`). */
const registered = (path) => {
  const source = read(path);
  return [...source.slice(source.indexOf('ELEMENTS = {')).matchAll(/^\s+'(e-paper[a-z-]*)':/gm)].map((m) => m[1]);
};
const TAGS = [...registered('src/define.ts'), ...registered('src/lazy-parts.ts')].sort();
const tagsOf = (manifest) =>
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => d.tagName)
    .sort();

/** The analyzer run as `npm run manifest` runs it, into a folder of its own (the analyzer takes `--outdir` from the working folder). */
function analyze(name) {
  const outdir = join('node_modules/.cache/e-paper-tests', name);
  rmSync(join(ROOT, outdir), { recursive: true, force: true });
  mkdirSync(join(ROOT, outdir), { recursive: true });
  const bin = join(ROOT, 'node_modules/.bin/cem');
  execFileSync(bin, ['analyze', '--litelement', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  return read(join(outdir, 'custom-elements.json'));
}

test('the analyzer declares every registered element, the same twice in a row', { timeout: 120_000 }, () => {
  assert.ok(TAGS.includes('e-paper') && TAGS.includes('e-paper-toolbar') && TAGS.length > 10, `the tables read: ${TAGS}`);
  const first = analyze('manifest-1');
  const second = analyze('manifest-2');
  assert.deepEqual(tagsOf(JSON.parse(first)), TAGS);
  assert.equal(second, first, 'a second run writes the same file');
});

test('the committed custom-elements.json declares every registered element (else: npm run manifest)', () => {
  assert.deepEqual(tagsOf(JSON.parse(read('custom-elements.json'))), TAGS);
});
