// Screenshots of the demo for looking at and for the README: the page, an article in the reader
// and the article list, at desktop and phone sizes, light and dark.
//
//   node scripts/screenshots.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
//
// A fresh machine has no CJK system fonts; a Chinese reader's device has them. `--fonts-config`
// hands the browser a fontconfig file (one that adds, say, Noto CJK) so that both can be looked at.
import { screenshotSession, sizes } from './screenshot-session.mjs';

const { openDemo, shoot, close } = await screenshotSession();

try {
  for (const size of sizes({ desktop: [1440, 900], phoneScale: 3 })) {
    for (const scheme of ['light', 'dark']) {
      const page = await openDemo({ ...size, colorScheme: scheme });
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
      await page.context().close();
    }
  }
} finally {
  await close();
}
