// The benchmark's peers (OpenSeadragon, PDF.js) live in bench/package.json, not in the project's
// dependencies: only `npm run bench` needs them, so contributors and CI install them here, once,
// on the first run (or when bench/package-lock.json changes).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = fileURLToPath(new URL('.', import.meta.url));
/** Where the peers' packages are installed. */
export const PEERS = join(BENCH, 'node_modules');

/** Installs the peers with `npm ci` unless the installed tree already matches the lock file. */
export function ensurePeers(log = console.error) {
  const installed = join(PEERS, '.package-lock.json');
  const wanted = JSON.parse(readFileSync(join(BENCH, 'package-lock.json'), 'utf8')).packages;
  if (existsSync(installed)) {
    const have = JSON.parse(readFileSync(installed, 'utf8')).packages;
    if (Object.keys(wanted).every((path) => !path || have[path]?.version === wanted[path].version)) return;
  }
  log('installing the benchmark peers (bench/package.json)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: BENCH, stdio: ['ignore', 'inherit', 'inherit'] });
}
