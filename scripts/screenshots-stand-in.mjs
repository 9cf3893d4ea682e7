// Screenshots of the stand-in faces (issue 22): the sliced A1 at fit and zoomed 3×, while the
// body's stand-in draws it (its real slices held back) and after the swap, desktop and phone.
//
//   node scripts/screenshots-stand-in.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { writeFileSync } from 'node:fs';
import { screenshotSession, sizes } from './screenshot-session.mjs';

const { open, base, outDir, close } = await screenshotSession();
const suffix = process.argv.includes('--suffix') ? process.argv[process.argv.indexOf('--suffix') + 1] : '';
/** A screenshot through CDP: Playwright's own waits for the fonts, which are held back here on purpose. */
async function shoot(page, name, wait) {
  await page.waitForTimeout(wait);
  const cdp = await page.context().newCDPSession(page);
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  const file = `${outDir}/${name}${suffix}.png`;
  writeFileSync(file, Buffer.from(data, 'base64'));
  console.log(file);
}
const SRC = './editions/sliced/zhuzhou-daily-2021-01-08.json';

try {
  for (const size of sizes()) {
    const page = await open(size);
    // The body's real slices wait until released: the stand-in draws the body meanwhile.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/\/sliced\/fonts\/body\/(base|s\d\d)-/, async (route) => {
      await held;
      await route.continue();
    });
    await page.route('**/demo/bare.html', async (route) => {
      const html = (await (await route.fetch()).text()).replace(/src="\.\/editions\/[^"]+"/, `src="${SRC}"`);
      await route.fulfill({ body: html, contentType: 'text/html' });
    });
    await page.addInitScript(() => {
      window.__ready = new Promise((resolve) => document.addEventListener('e-paper-ready', resolve, { once: true }));
    });
    await page.goto(new URL('/demo/bare.html', base).href);
    await page.evaluate(() => window.__ready);
    const zoom = (factor) =>
      page.evaluate((f) => {
        const el = document.querySelector('e-paper');
        const viewport = el.shadowRoot.querySelector('e-paper-viewport');
        if (f === 1) el.fit();
        else el.zoomTo(viewport.minScale * f, { x: 1480, y: 1500 });
      }, factor);
    const standIn = () =>
      page.evaluate(
        () =>
          [...document.fonts]
            .filter((face) => /stand-in"?$/.test(face.family))
            .map((face) => face.status)
            .join(' ') || 'none',
      );
    console.log(`${size.name}: stand-in at ready: ${await standIn()}`);
    await shoot(page, `stand-in-${size.name}-fit-before-swap`, 800);
    await zoom(3);
    await shoot(page, `stand-in-${size.name}-zoom3-before-swap`, 800);
    release();
    await page.waitForFunction(() => ![...document.fonts].some((face) => /stand-in"?$/.test(face.family)), null, { timeout: 30_000 });
    console.log(`${size.name}: stand-in after the swap: ${await standIn()}`);
    await shoot(page, `stand-in-${size.name}-zoom3-after-swap`, 800);
    await zoom(1);
    await shoot(page, `stand-in-${size.name}-fit-after-swap`, 800);
    await page.context().close();
  }
} finally {
  await close();
}
