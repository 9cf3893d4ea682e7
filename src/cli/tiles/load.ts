/**
 * Loads sharp (libvips, Apache-2.0) for `--tiles`: about 20 MB with its prebuilt binary, so not
 * a dependency of the package. Found where Node finds packages (a publisher who ran
 * `npm install sharp`), else in scripts/tiles/ of a checkout of the project, installed there on
 * first use as its lock file says.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureInstalled } from '../../../scripts/on-demand.js';
import { CliError, EXIT } from '../exit-codes.js';

/** The part of sharp the tiler uses. */
export interface SharpImage {
  metadata(): Promise<{ width?: number; height?: number; orientation?: number }>;
  rotate(): SharpImage;
  jpeg(options: { quality: number; mozjpeg?: boolean }): SharpImage;
  tile(options: { size: number; overlap?: number; layout: 'iiif3'; id: string; depth?: string }): SharpImage;
  toFile(path: string): Promise<{ width: number; height: number }>;
}
export type Sharp = (input: string, options?: { limitInputPixels?: number | false }) => SharpImage;

export const TILE_PACKAGES = 'sharp@0.35.5';

let loaded: Promise<Sharp> | undefined;

export function loadSharp(log: (line: string) => void = () => {}): Promise<Sharp> {
  loaded ??= load(log);
  return loaded;
}

async function load(log: (line: string) => void): Promise<Sharp> {
  const found = tryResolve(createRequire(import.meta.url));
  if (found) return open(found);
  // dist/cli/e-paper.js (or src/cli/tiles/load.ts under a test runner) → the checkout's scripts/tiles/.
  for (const up of ['../../scripts/tiles/', '../../../scripts/tiles/']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (!existsSync(join(dir, 'package-lock.json'))) continue;
    const ready = tryResolve(createRequire(join(dir, 'package.json')));
    if (ready) return open(ready);
    try {
      ensureInstalled(dir, log);
    } catch (error) {
      throw new CliError(EXIT.unavailable, `--tiles needs ${TILE_PACKAGES}, and installing it failed (${(error as Error).message})`);
    }
    const there = tryResolve(createRequire(join(dir, 'package.json')));
    if (there) return open(there);
  }
  throw new CliError(EXIT.unavailable, `--tiles needs the package ${TILE_PACKAGES}: npm install it beside e-paper`);
}

function tryResolve(require: NodeJS.Require): string | undefined {
  try {
    return require.resolve('sharp');
  } catch {
    return undefined;
  }
}

async function open(path: string): Promise<Sharp> {
  const module = (await import(pathToFileURL(path).href)) as { default: Sharp };
  return module.default;
}
