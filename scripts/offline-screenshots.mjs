// Screenshots of offline reading (the toolbar button, its panel, a save done with two editions
// listed, a full storage) at desktop and phone sizes, from the bare embed (demo/bare.html, the built
// bundle: npm run build first). Saves in the browser's own Cache Storage of a fresh profile.
//
//   node scripts/offline-screenshots.mjs [--fonts-config <fonts.conf>]
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowser } from './find-browser.js';
const out = 'demo/screenshots';
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
];
const server = await createServer({ logLevel: 'error', server: { port: 0, open: false } });
await server.listen();
const base = server.resolvedUrls.local[0];
const fontsConfig = process.argv.indexOf('--fonts-config');
const env = fontsConfig > 0 ? { ...process.env, FONTCONFIG_FILE: process.argv[fontsConfig + 1] } : process.env;
const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS, env });
const inPart = (sel) =>
  `document.querySelector('e-paper')?.shadowRoot?.querySelector('e-paper-offline')?.shadowRoot?.querySelector('${sel}')`;
try {
  for (const size of SIZES) {
    const context = await browser.newContext({ ...size });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error', e.message));
    await page.goto(new URL('/demo/bare.html', base).href);
    await page.evaluate(() => document.querySelector('e-paper').setAttribute('offline', ''));
    await page.waitForFunction(`!!(${inPart('.toggle')})`, null, { timeout: 20000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/offline-${size.name}-button.png` });
    await page.evaluate(`${inPart('.toggle')}.click()`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/offline-${size.name}-panel.png` });
    await page.evaluate(`${inPart('.save')}.click()`);
    await page.waitForFunction(`(${inPart('.status')})?.textContent.includes('已保存本期')`, null, { timeout: 30000 });
    // A second saved edition for the list: the scan of the same page.
    await page.evaluate(async () => {
      const part = document.createElement('e-paper-offline');
      part.src = new URL('editions/zhuzhou-daily-2021-01-08-scan.json', location.href).href;
      part.hidden = true;
      document.body.append(part);
      await part.updateComplete;
      await part.save();
      part.remove();
    });
    await page.evaluate(`${inPart('.toggle')}.click()`);
    await page.evaluate(`${inPart('.toggle')}.click()`);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/offline-${size.name}-saved.png` });
    if (size.name === 'desktop') {
      // A full storage: a Cache Storage whose puts fail, the A1 removed first.
      await page.evaluate(`(${inPart('li[data-url$="08.json"] .remove')}).click()`);
      await page.waitForTimeout(300);
      await page.evaluate(() => {
        const part = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-offline');
        const real = caches;
        part.caches = {
          has: (n) => real.has(n),
          keys: () => real.keys(),
          delete: (n) => real.delete(n),
          match: (r) => real.match(r),
          open: async (n) => {
            const c = await real.open(n);
            return {
              match: (r) => c.match(r),
              keys: () => c.keys(),
              put: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
            };
          },
        };
      });
      await page.waitForTimeout(300);
      await page.evaluate(`${inPart('.save')}.click()`);
      await page.waitForFunction(`!!(${inPart('.status.problem')})`, null, { timeout: 30000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/offline-${size.name}-quota.png` });
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
