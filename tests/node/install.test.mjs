// A contributor on any Node that package.json's `engines` claims gets a clean `npm ci`: every
// locked package (the build's and the tests' included) accepts the lowest version of each range
// we claim, so npm warns of no unsupported engine (EBADENGINE).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { ROOT } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

/** The lowest version of each range of our claim (`^20.19.0 || >=22.13.0`: 20.19.0 and 22.13.0). */
const lowest = pkg.engines.node.split('||').map((range) => semver.minVersion(range).version);

test('our claim names the Node versions CONTRIBUTING names', () => {
  assert.deepEqual(lowest, ['20.19.0', '22.13.0']);
});

test('every locked package supports each Node version we claim', () => {
  const refused = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const range = typeof entry.engines === 'object' && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
    if (!path || !range) continue;
    for (const version of lowest) {
      if (!semver.satisfies(version, range))
        refused.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${range}, not ${version}`);
    }
  }
  assert.deepEqual(refused, []);
});

// npm 11.16+ lists the dependencies whose install scripts no `allowScripts` entry covers, and npm 12
// skips those scripts: each one the lockfile says has a script is reviewed in package.json.
test('every locked package with an install script is covered by allowScripts', () => {
  const allowed = pkg.allowScripts ?? {};
  const uncovered = Object.entries(lock.packages)
    .filter(([path, entry]) => path && entry.hasInstallScript)
    .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), version: entry.version }))
    .filter(({ name, version }) => allowed[name] === undefined && allowed[`${name}@${version}`] === undefined)
    .map(({ name, version }) => `${name}@${version}`);
  assert.deepEqual(uncovered, []);
});
