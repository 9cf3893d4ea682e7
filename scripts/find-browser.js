// Finds a Chromium to drive for the tests and the benchmark: CHROME_PATH, then an installed
// Chrome or Chromium, then the binary that the @sparticuz/chromium npm package ships (Linux x64),
// installed on first use, so a fresh machine needs nothing beyond `npm install`.
import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureInstalled } from './on-demand.js';

/** The fallback browser's own package (scripts/browser/package.json). */
const FALLBACK_DIR = fileURLToPath(new URL('browser/', import.meta.url));

const INSTALLED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags for headless runs on machines without a GPU or a network beyond the registries. */
export const CHROME_FLAGS = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Chromium refuses its sandbox as root, as it runs in containers and CI.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export async function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const installed = INSTALLED.find((path) => existsSync(path));
  if (installed) return installed;
  if (platform() === 'linux' && arch() === 'x64') return fallbackBrowser();
  throw new Error(
    'No Chrome or Chromium found. Install Chrome or Chromium (Debian: apt-get install chromium), ' +
      'or set CHROME_PATH to its executable.',
  );
}

/**
 * The Chromium binary that the @sparticuz/chromium package ships (Linux x64). It is no dependency
 * of the project: it is installed into scripts/browser/ the first time it is needed.
 */
export async function fallbackBrowser() {
  try {
    ensureInstalled(FALLBACK_DIR);
    const entry = join(FALLBACK_DIR, 'node_modules/@sparticuz/chromium/build/esm/index.js');
    const { default: chromium } = await import(pathToFileURL(entry).href);
    return await chromium.executablePath();
  } catch (error) {
    throw new Error(`No Chrome or Chromium found, and @sparticuz/chromium could not be installed or unpack its binary: ${error.message}`);
  }
}
