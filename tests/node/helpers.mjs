// Shared by the Node tests: the built e-paper command run as a publisher runs it, a temp folder,
// and the importers (TypeScript) bundled for Node once per run.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures/cli');
/** The command as package.json's "bin" names it. */
export const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['e-paper']);

let built = false;
/** Builds the command once per test process (npm test's pretest builds it too; this keeps `node --test tests/node/` alone honest). */
export function buildCli() {
  if (built) return;
  const result = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the command failed:\n${result.stderr}`);
  built = true;
}

/**
 * Runs `e-paper args…` in `cwd` (the built command, or `bin`: a copy of it placed elsewhere); its
 * exit code, stdout, stderr, and stdout as JSON when it is.
 */
export function cli(args, { cwd = ROOT, bin = BIN } = {}) {
  buildCli();
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  let json;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = undefined;
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json };
}

export const temp = (name = 'e-paper-test-') => mkdtempSync(join(tmpdir(), name));
export const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

let modules;
/** The importers, the validator and the command's parsers, bundled from the TypeScript sources. */
export async function loadModules() {
  if (modules) return modules;
  // Inside the project, so that the bundle's packages resolve from its node_modules.
  const dir = join(ROOT, 'node_modules/.cache/e-paper-tests');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export * from ${JSON.stringify(join(ROOT, 'src/edition/importers/index.ts'))};`,
      `export { validateEdition, EditionError } from ${JSON.stringify(join(ROOT, 'src/edition/validate.ts'))};`,
      `export { parseXml, parseHtml, decodeHtml } from ${JSON.stringify(join(ROOT, 'src/cli/parsers.ts'))};`,
      `export { romanizeHan } from ${JSON.stringify(join(ROOT, 'src/cli/romanize.ts'))};`,
      `export { upgrade } from '@iiif/parser/upgrader';`,
    ].join('\n'),
  );
  const outfile = join(dir, 'modules.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'error' });
  modules = await import(pathToFileURL(outfile).href);
  return modules;
}

/**
 * The TypeScript modules `files` (paths under src/) bundled for Node as one module of re-exports,
 * named `name` in the tests' cache: the pure parts of the importers, tested without the command.
 */
export async function importSources(name, files) {
  const dir = join(ROOT, 'node_modules/.cache/e-paper-tests');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `${name}-entry.ts`);
  writeFileSync(entry, files.map((file) => `export * from ${JSON.stringify(join(ROOT, 'src', file))};`).join('\n'));
  const outfile = join(dir, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'error' });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}
