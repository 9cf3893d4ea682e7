// Screenshots of the demo for looking at and for the README: the page, an article in the reader
// and the article list, at desktop and phone sizes, light and dark.
//
//   node scripts/screenshots.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
//
// A fresh machine has no CJK system fonts; a Chinese reader's device has them. `--fonts-config`
// hands the browser a fontconfig file (one that adds, say, Noto CJK) so that both can be looked at.
import { screenshotSession } from './screenshot-session.mjs';

const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
];

const { base, browser, shoot, close } = await screenshotSession();

try {
  for (const size of SIZES) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ ...size, colorScheme: scheme });
      page.on('console', (msg) => msg.type() === 'error' && console.error('page:', msg.text()));
      page.on('pageerror', (error) => console.error('page error:', error.message));
      await page.addInitScript(() => {
        window.__ePaperReady = new Promise((resolve) => document.addEventListener('e-paper-ready', resolve, { once: true }));
      });
      await page.goto(new URL('/demo/', base).href);
      await Promise.race([page.evaluate(() => window.__ePaperReady), page.waitForTimeout(15000)]);
      const name = `${size.name}-${scheme}`;
      await shoot(page, name);

      // The lead story: the page's first article in reading order.
      const lead = await page.evaluate(() => {
        const pageEl = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-page');
        return pageEl.shadowRoot.querySelector('[data-article-id]')?.getAttribute('data-article-id');
      });
      await page.evaluate((id) => document.querySelector('e-paper').openArticle(id), lead);
      await page.waitForTimeout(600);
      await shoot(page, `${name}-reader`);
      await page.keyboard.press('Escape');

      const list = page.getByRole('button', { name: /标题导航|Articles/ }).first();
      if (await list.count()) {
        await list.click();
        await shoot(page, `${name}-list`);
        await page.keyboard.press('Escape');
      }
      await page.close();
    }
  }
} finally {
  await close();
}
