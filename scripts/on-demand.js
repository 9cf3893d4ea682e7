// Packages that only some commands need (the fallback browser, the benchmark's peers) live in a
// package.json of their own beside the code that uses them, not in the project's dependencies:
// a plain `npm install` does without them, and the first command that needs them installs them,
// exactly as their lock file says.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `npm ci` in `dir` unless its node_modules already holds what its package-lock.json names. */
export function ensureInstalled(dir, log = console.error) {
  const wanted = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages;
  const installed = join(dir, 'node_modules/.package-lock.json');
  if (existsSync(installed)) {
    const have = JSON.parse(readFileSync(installed, 'utf8')).packages;
    // Optional packages of other platforms (sharp's and the canvas's prebuilt binaries) are never
    // installed here: without this, every run would install again.
    if (Object.keys(wanted).every((path) => !path || wanted[path].optional || have[path]?.version === wanted[path].version)) return;
  }
  log(`installing ${JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name} (first use)…`);
  // npm's own report goes where the caller's log goes, never straight to stdout or stderr: a
  // command's stdout may be its JSON, and under --json its stderr carries nothing but a crash.
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
  const report = `${npm.stdout ?? ''}\n${npm.stderr ?? ''}`.split('\n').filter((line) => line.trim());
  for (const line of report) log(line);
  if (npm.error) throw npm.error;
  if (npm.status !== 0) throw new Error(`npm ci exited with ${npm.status ?? npm.signal}: ${report.slice(-3).join(' ') || 'no output'}`);
}
