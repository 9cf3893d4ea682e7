/**
 * Loads sharp (libvips, Apache-2.0) for `--tiles`: about 20 MB with its prebuilt binary, so not
 * a dependency of the package. Found where Node finds packages (a publisher who ran
 * `npm install sharp`), else in scripts/tiles/ of a checkout of the project, installed there on
 * first use as its lock file says.
 */
import { pathToFileURL } from 'node:url';
import { findOnDemand, resolveInstalled } from '../on-demand-packages.js';

/** The part of sharp the tiler uses. */
export interface SharpImage {
  metadata(): Promise<{ width?: number; height?: number; orientation?: number }>;
  rotate(): SharpImage;
  resize(options: { width: number; kernel?: 'nearest' }): SharpImage;
  removeAlpha(): SharpImage;
  toColourspace(space: 'b-w'): SharpImage;
  raw(): SharpImage;
  toBuffer(options: { resolveWithObject: true }): Promise<{ data: Buffer; info: { width: number; height: number; channels: number } }>;
  jpeg(options: { quality: number; mozjpeg?: boolean }): SharpImage;
  webp(options: { quality: number; effort?: number }): SharpImage;
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
  return open(findOnDemand({ folder: 'tiles', packages: TILE_PACKAGES, neededBy: '--tiles', resolve: tryResolve }, log));
}

function tryResolve(require: NodeJS.Require): string | undefined {
  return resolveInstalled(require, { sharp: 'sharp' })?.sharp;
}

async function open(path: string): Promise<Sharp> {
  const module = (await import(pathToFileURL(path).href)) as { default: Sharp };
  return module.default;
}
