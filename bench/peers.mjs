// The benchmark's peers (OpenSeadragon, PDF.js) are in bench/package.json, not the project's
// dependencies: only `npm run bench` needs them (scripts/on-demand.js installs them on first use).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from '../scripts/on-demand.js';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
/** Where the peers' packages are installed. */
export const PEERS = join(BENCH, 'node_modules');

/** Installs the peers unless they are there as bench/package-lock.json says. */
export const ensurePeers = (log) => ensureInstalled(BENCH, log);
