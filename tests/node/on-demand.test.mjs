// The command's on-demand packages (src/cli/on-demand-packages.ts): a package installed after a
// failed lookup in the same process is found. The packages here are made up for the test.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

let m;
before(async () => {
  const dir = join(ROOT, 'node_modules/.cache/e-paper-tests');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'on-demand-packages.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/cli/on-demand-packages.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    packages: 'external',
    logLevel: 'error',
  });
  m = await import(`${pathToFileURL(outfile).href}?${Date.now()}`);
});

/**
 * A package `name` in `folder`'s node_modules whose entry is not index.js (as sharp's): Node keeps
 * the package.json it once found missing, and without it looks for index.js alone.
 */
function install(folder, name) {
  const dir = join(folder, 'node_modules', name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: './dist/index.cjs' }));
  writeFileSync(join(dir, 'dist/index.cjs'), 'module.exports = 1;\n');
}

describe('resolveInstalled', () => {
  it('finds a package installed after a lookup that missed it, in the same process', () => {
    const folder = mkdtempSync(join(tmpdir(), 'e-paper-on-demand-'));
    try {
      writeFileSync(join(folder, 'package.json'), '{"private": true}');
      install(folder, 'old-part');
      const require = createRequire(join(folder, 'package.json'));
      const wanted = { old: 'old-part', bare: 'added-bare', added: '@scope/added-part' };
      assert.equal(m.resolveInstalled(require, wanted), undefined, 'a bare name missing: the lookup Node remembers');
      install(folder, '@scope/added-part');
      install(folder, 'added-bare');
      const found = m.resolveInstalled(createRequire(join(folder, 'package.json')), wanted);
      assert.deepEqual(found, {
        old: join(folder, 'node_modules/old-part/dist/index.cjs'),
        bare: join(folder, 'node_modules/added-bare/dist/index.cjs'),
        added: join(folder, 'node_modules/@scope/added-part/dist/index.cjs'),
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
