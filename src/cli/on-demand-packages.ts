/**
 * The command's heavy tools (PDF.js and a canvas, sharp) are not the package's dependencies: each
 * is found where Node finds packages (a publisher who installed it beside e-paper), else in its
 * folder of a checkout (scripts/<folder>/), installed there on first use as its lock file says.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from '../../scripts/on-demand.js';
import { CliError, EXIT } from './exit-codes.js';

export interface OnDemand<T> {
  /** The folder under scripts/ whose lock file pins the packages. */
  folder: string;
  /** The packages and versions, for messages. */
  packages: string;
  /** Who needs them, for messages: `the pdf kind`, `--tiles`. */
  neededBy: string;
  /** What the packages resolve to through `require`, or undefined where they are missing. */
  resolve: (require: NodeJS.Require) => T | undefined;
}

/**
 * `specifiers` (by name) resolved through `require`, or undefined where one of their packages is
 * not installed. The file system is asked first: Node remembers a bare name it failed to resolve
 * for the life of the process, so a first-use install that follows a failed resolution (a checkout
 * that installed an older lock, without a package added since) would not be seen until a rerun.
 */
export function resolveInstalled<K extends string>(require: NodeJS.Require, specifiers: Record<K, string>): Record<K, string> | undefined {
  const resolved = {} as Record<K, string>;
  for (const [key, specifier] of Object.entries(specifiers) as [K, string][]) {
    const name = specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');
    const dirs = require.resolve.paths(name) ?? [];
    if (!dirs.some((dir) => existsSync(join(dir, name, 'package.json')))) return undefined;
    try {
      resolved[key] = require.resolve(specifier);
    } catch {
      return undefined;
    }
  }
  return resolved;
}

/** The packages' resolved paths: beside e-paper, else in the checkout's folder (installed on first use). */
export function findOnDemand<T>(wanted: OnDemand<T>, log: (line: string) => void): T {
  const found = wanted.resolve(createRequire(import.meta.url));
  if (found) return found;
  // dist/cli/e-paper.js, or src/cli/ under a test runner, or dist/lib/cli/ → the checkout's scripts/.
  for (const up of [`../../scripts/${wanted.folder}/`, `../../../scripts/${wanted.folder}/`]) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (!existsSync(join(dir, 'package-lock.json'))) continue;
    const ready = wanted.resolve(createRequire(join(dir, 'package.json')));
    if (ready) return ready;
    try {
      ensureInstalled(dir, log);
    } catch (error) {
      throw new CliError(
        EXIT.unavailable,
        `${wanted.neededBy} needs ${wanted.packages}, and installing failed (${(error as Error).message})`,
      );
    }
    const there = wanted.resolve(createRequire(join(dir, 'package.json')));
    if (there) return there;
  }
  throw new CliError(EXIT.unavailable, `${wanted.neededBy} needs the packages ${wanted.packages}: npm install them beside e-paper`);
}
