// Screenshots of the toolbar's "more" menu: an eight-page test copy of A1 (not a real paper's
// pages) with an archive (test copies too) and offline reading on, in a viewer as wide as the
// window, at 360 × 740, 390 × 844 (phones) and 1280 × 800 (no menu: nothing is left out), the menu
// closed and open, in the page view and the text view.
//
//   node scripts/screenshots-toolbar-more.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { screenshotSession } from './screenshot-session.mjs';

const { openDemo, shoot, close } = await screenshotSession();

const SIZES = [
  { name: '360', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: '390', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: '1280', viewport: { width: 1280, height: 800 } },
];

try {
  for (const size of SIZES) {
    for (const view of ['page', 'text']) {
      const page = await openDemo(size);
      await page.evaluate(async (view) => {
        document.body.replaceChildren();
        document.body.style.margin = '0';
        const el = document.createElement('e-paper');
        el.style.cssText = 'display: block; width: 100vw; height: 100vh';
        el.setAttribute('view', view);
        el.setAttribute('no-persist', '');
        el.offline = true;
        el.archive = '/demo/copies/archive.json?days=30&last=2021-01-08';
        const ready = new Promise((resolve) => el.addEventListener('e-paper-ready', resolve, { once: true }));
        el.src = '/demo/copies/multipage/8.json';
        document.body.append(el);
        await ready;
        await customElements.whenDefined('e-paper-offline');
        await el.updateComplete;
      }, view);
      const name = `toolbar-more-${size.name}-${view}`;
      await shoot(page, `${name}-closed`, 1000);
      const more = page.getByRole('button', { name: '更多' });
      if (await more.isVisible()) {
        if (size.hasTouch) await more.tap();
        else await more.click();
        await shoot(page, `${name}-open`);
      }
      await page.context().close();
    }
  }
} finally {
  await close();
}
