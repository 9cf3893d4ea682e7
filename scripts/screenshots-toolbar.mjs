// Screenshots of the toolbar fitted to its row, of a focused text-view heading and of a page
// strip with a page whose file failed: an eight-page test copy (not a real paper's pages) in a
// viewer as wide as the window, in Chinese and English, at the widths the toolbar steps at.
//
//   node scripts/screenshots-toolbar.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { screenshotSession, sizes } from './screenshot-session.mjs';

const { openDemo, shoot, close, outDir } = await screenshotSession();

/** The demo's page with one viewer of `src` in `lang`, filling the window, once it is ready and its toolbar fitted. */
async function viewer(options, src, lang, view = 'page') {
  const page = await openDemo(options);
  await page.evaluate(
    async ({ src, lang, view }) => {
      document.body.replaceChildren();
      document.body.style.margin = '0';
      const el = document.createElement('e-paper');
      el.style.cssText = 'display: block; width: 100vw; height: 100vh';
      el.setAttribute('lang', lang);
      el.setAttribute('view', view);
      el.setAttribute('no-persist', '');
      const ready = new Promise((resolve) => el.addEventListener('e-paper-ready', resolve, { once: true }));
      el.src = src;
      document.body.append(el);
      await ready;
      await customElements.whenDefined('e-paper-contents');
      await el.updateComplete;
    },
    { src, lang, view },
  );
  return page;
}

const EIGHT = '/demo/copies/multipage/8.json';

try {
  for (const size of sizes()) {
    for (const lang of ['zh-CN', 'en']) {
      const page = await viewer(size, EIGHT, lang);
      await shoot(page, `toolbar-${size.name}-${lang}`, 800);
      await page.context().close();
    }
  }
  // The toolbar's row alone at the widths it steps at.
  for (const width of [320, 360, 600, 640, 700]) {
    for (const lang of ['zh-CN', 'en']) {
      const page = await viewer({ viewport: { width, height: 600 } }, EIGHT, lang);
      await page.waitForTimeout(800);
      const file = `${outDir}/toolbar-${width}-${lang}.png`;
      await page.screenshot({ path: file, clip: { x: 0, y: 0, width, height: 60 } });
      console.log(file);
      await page.context().close();
    }
  }
  // A text-view heading focused by the keyboard (a page chosen in the list of pages).
  for (const size of sizes()) {
    const page = await viewer(size, EIGHT, 'zh-CN', 'text');
    await page.waitForTimeout(500);
    await page
      .getByRole('button', { name: /版面导航|标题导航/ })
      .first()
      .click();
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await shoot(page, `text-view-heading-focus-${size.name}`, 800);
    await page.context().close();
  }
  // A page whose file failed (A3: a 404), in the strip once every page file has been tried.
  for (const size of sizes()) {
    const page = await viewer(size, '/demo/copies/split/8.json?missing=A3', 'zh-CN');
    await shoot(page, `pages-failed-${size.name}`, 3000);
    await page.context().close();
  }
} finally {
  await close();
}
