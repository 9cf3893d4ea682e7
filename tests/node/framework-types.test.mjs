// The framework typings (types/react.d.ts, types/vue.d.ts) are what scripts/framework-types.mjs
// makes of custom-elements.json, name the whole public surface of <e-paper>, and compile; every
// typed entry of package.json `exports` points at a file the package ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameworkTypes } from '../../scripts/framework-types.mjs';
import { repo, sh } from './support/scratch.mjs';

const read = (path) => readFileSync(join(repo, path), 'utf8');
const manifest = JSON.parse(read('custom-elements.json'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'e-paper');

test('the committed typings are what the manifest gives (else: npm run manifest)', () => {
  for (const [path, text] of Object.entries(frameworkTypes(manifest)))
    assert.equal(read(path), text, `${path} is stale: run npm run manifest`);
});

test('the typings name every attribute, property and event of <e-paper>', () => {
  const { 'types/react.d.ts': react, 'types/vue.d.ts': vue } = frameworkTypes(manifest);
  assert.ok(element.events.length >= 6 && element.attributes.length >= 10, 'the manifest lists the public surface');
  const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
  for (const event of element.events) {
    assert.ok(react.includes(`'on${event.name}'?: (event: CustomEvent<EPaperEventMap['${event.name}']>)`), `React: on${event.name}`);
    assert.ok(
      vue.includes(`on${pascal(event.name)}?: (event: CustomEvent<EPaperEventMap['${event.name}']>)`),
      `Vue: on${pascal(event.name)}`,
    );
  }
  for (const attribute of element.attributes) {
    const property = new RegExp(`\\n  '?${attribute.fieldName}'?\\?: EPaper\\['${attribute.fieldName}'\\]`);
    assert.match(react, property, `React: ${attribute.fieldName}`);
    assert.match(vue, property, `Vue: ${attribute.fieldName}`);
    if (attribute.name !== attribute.fieldName) assert.ok(react.includes(`'${attribute.name}'?:`), `React: attribute ${attribute.name}`);
  }
  // The inner tags are the viewer's own: no framework typing for them.
  assert.doesNotMatch(react + vue, /'e-paper-[a-z]+':/);
});

test('every typed entry resolves and types what it should (tsc on tests/node/types-check)', { timeout: 60_000 }, async () => {
  await sh(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', 'tests/node/types-check'], repo);
});

test("every `types` in package.json's exports is a file the package ships", () => {
  const pkg = JSON.parse(read('package.json'));
  const typed = Object.entries(pkg.exports).filter(([, target]) => typeof target === 'object' && target.types);
  assert.ok(
    typed.some(([entry]) => entry === './e-paper.iife.js') && typed.some(([entry]) => entry === './e-paper.js'),
    'the bundles have types',
  );
  for (const [entry, { types }] of typed) {
    assert.ok(existsSync(join(repo, types)), `${entry}: ${types} exists (after the build)`);
    assert.ok(
      pkg.files.some((folder) => types.startsWith(`./${folder}/`)),
      `${entry}: ${types} is in "files"`,
    );
  }
});
