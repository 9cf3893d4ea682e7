// How grey the stand-in faces draw text at a desktop fit against the real faces (issue 22): the
// sliced A1 with one role's real slices held back (its stand-in draws it), then after the swap;
// the mean luminance (Rec. 709, 0–255) of the same crops in both, the role's text boxes on the
// page. For the headline, the A1 without its page cut (so that its headlines take the stand-in),
// and its headings set at 14 page px (about 4 CSS px at the fit) so that they are greeked.
// font-stand-in.mjs's INK is tuned from this.
//
//   node scripts/stand-in-grey.mjs [--fonts-config <fonts.conf>]
import { readFileSync } from 'node:fs';
import { screenshotSession } from './screenshot-session.mjs';

const { open, base, close } = await screenshotSession();
const A1 = JSON.parse(readFileSync(new URL('../demo/editions/sliced/zhuzhou-daily-2021-01-08.json', import.meta.url), 'utf8'));
const ROLES = {
  body: { selector: '.body', edition: A1 },
  headline: {
    selector: '.headline, .banner',
    edition: {
      ...A1,
      fonts: A1.fonts.filter((font) => font.kind !== 'page'),
      pages: A1.pages.map((page) => ({
        ...page,
        blocks: page.blocks.map((block) => (block.kind === 'article' ? { ...block, headlineSize: 14 } : block)),
      })),
    },
  },
};

/** The mean luminance of `png` over `rects` (CSS px at 1 device px each), decoded in the page. */
const luminance = (page, png, rects) =>
  page.evaluate(
    async ({ data, rects }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      let sum = 0;
      let count = 0;
      for (const { x, y, width, height } of rects) {
        const pixels = context.getImageData(Math.round(x), Math.round(y), Math.round(width), Math.round(height)).data;
        for (let i = 0; i < pixels.length; i += 4) sum += 0.2126 * pixels[i] + 0.7152 * pixels[i + 1] + 0.0722 * pixels[i + 2];
        count += pixels.length / 4;
      }
      return sum / count;
    },
    { data: png.toString('base64'), rects },
  );

try {
  for (const [role, { selector, edition }] of Object.entries(ROLES)) {
    const page = await open({ viewport: { width: 1280, height: 800 } });
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(new RegExp(`/sliced/fonts/${role}/(base|s\\d\\d)-`), async (route) => {
      await held;
      await route.continue();
    });
    await page.route('**/editions/sliced/grey-test.json', (route) => route.fulfill({ json: edition }));
    await page.route('**/demo/bare.html', async (route) => {
      const html = (await (await route.fetch()).text()).replace(/src="\.\/editions\/[^"]+"/, 'src="./editions/sliced/grey-test.json"');
      await route.fulfill({ body: html, contentType: 'text/html' });
    });
    await page.addInitScript(() => {
      window.__ready = new Promise((resolve) => document.addEventListener('e-paper-ready', resolve, { once: true }));
    });
    await page.goto(new URL('/demo/bare.html', base).href);
    await page.evaluate(() => window.__ready);
    const rects = await page.evaluate((selector) => {
      const sheet =
        document.querySelector('e-paper').shadowRoot.querySelector('e-paper-viewport').querySelector('e-paper-page') ??
        document.querySelector('e-paper').shadowRoot.querySelector('e-paper-page');
      return [...sheet.shadowRoot.querySelectorAll(selector)].map((el) => el.getBoundingClientRect().toJSON());
    }, selector);
    const cdp = await page.context().newCDPSession(page);
    const shot = async () => Buffer.from((await cdp.send('Page.captureScreenshot', { format: 'png' })).data, 'base64');
    await page.waitForTimeout(800);
    const standIns = await page.evaluate(() => [...document.fonts].filter((face) => /stand-in"?$/.test(face.family)).map((f) => f.family));
    const before = await luminance(page, await shot(), rects);
    release();
    await page.waitForFunction(() => ![...document.fonts].some((face) => /stand-in"?$/.test(face.family)), null, { timeout: 30_000 });
    await page.waitForTimeout(800);
    const after = await luminance(page, await shot(), rects);
    console.log(
      `${role}: ${rects.length} boxes; stand-in ${before.toFixed(1)}, real ${after.toFixed(1)}, difference ${(before - after).toFixed(1)} (stand-ins at ready: ${standIns.length})`,
    );
    await page.context().close();
  }
} finally {
  await close();
}
