// Finds a Chromium to drive for the tests and the benchmark: CHROME_PATH, then an installed
// Chrome or Chromium, then the binary that the @sparticuz/chromium npm package ships (Linux x64),
// so a fresh machine needs nothing beyond `npm install`.
import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';

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
  if (platform() === 'linux' && arch() === 'x64') {
    try {
      const { default: chromium } = await import('@sparticuz/chromium');
      return await chromium.executablePath();
    } catch (error) {
      throw new Error(`No Chrome or Chromium found, and @sparticuz/chromium could not unpack its binary: ${error.message}`);
    }
  }
  throw new Error(
    'No Chrome or Chromium found. Install Chrome or Chromium (Debian: apt-get install chromium), ' +
      'or set CHROME_PATH to its executable.',
  );
}
