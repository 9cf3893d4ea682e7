// Screenshots of the text view for looking at: the demo's test copy of several pages, in the text
// view at desktop (1280×800) and phone (390×844) sizes, light and dark, and the reader opened
// from it on the phone.
//
//   node scripts/screenshots-text-view.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { screenshotSession, sizes } from './screenshot-session.mjs';

const { openDemo, shoot, close } = await screenshotSession({ settle: 500 });

try {
  for (const size of sizes()) {
    for (const scheme of ['light', 'dark']) {
      const page = await openDemo({ ...size, colorScheme: scheme }, '/demo/?edition=pages');
      // The toolbar's toggle, pressed as a reader would.
      await page.evaluate(() => document.querySelector('e-paper').shadowRoot.querySelector('.view-toggle').click());
      // Some read marks, as the reading state would give them, once the other pages' files are in.
      await page.waitForTimeout(2000);
      await page.evaluate(async () => {
        const list = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-text-view');
        await customElements.whenDefined('e-paper-text-view');
        await list.updateComplete;
        const ids = [...list.shadowRoot.querySelectorAll('button[data-article-id]')].map((b) => b.dataset.articleId);
        list.readArticles = new Set([ids[1], ids[3]]);
        await list.updateComplete;
      });
      // The viewer at the top of the window, as a reader scrolls to it.
      await page.evaluate(() => document.querySelector('e-paper').scrollIntoView());
      const name = `text-view-${size.name}-${scheme}`;
      await shoot(page, name);
      if (size.name === 'phone') {
        await page.evaluate(() =>
          document.querySelector('e-paper').shadowRoot.querySelector('e-paper-text-view').shadowRoot.querySelector('button').click(),
        );
        await page.waitForTimeout(700);
        await shoot(page, `${name}-reader`);
      }
      await page.context().close();
    }
  }
} finally {
  await close();
}
