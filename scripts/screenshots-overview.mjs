// Screenshots of the overview map and full screen, to look at: desktop 1280×800 and phone
// 390×844, light and dark; fitted, zoomed in, the mark focused and moved by the arrow keys, and
// (desktop) full screen by a real click on the toolbar's button, fitted and zoomed.
//
//   node scripts/screenshots-overview.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { screenshotSession, sizes } from './screenshot-session.mjs';

const { openDemo, shoot, close } = await screenshotSession({ outDir: 'demo/screenshots/overview' });

try {
  for (const size of sizes())
    for (const scheme of ['light', 'dark']) {
      const page = await openDemo({ ...size, colorScheme: scheme });
      const name = `${size.name}-${scheme}`;
      await shoot(page, `${name}-fit`, 800);
      await page.evaluate(() => document.querySelector('e-paper').zoomTo(1.2, { x: 1300, y: 900 }));
      await shoot(page, `${name}-zoomed`, 1200);
      // The mark focused by the keyboard, moved twice with the arrow keys.
      await page.evaluate(() => {
        const map = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-overview');
        map.shadowRoot.querySelector('[part="overview-mark"]').focus({ focusVisible: true });
      });
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await shoot(page, `${name}-mark-focused`, 600);
      if (size.name === 'desktop') {
        // Full screen, by a real click on the toolbar's button, the page fitted.
        await page.evaluate(() => document.querySelector('e-paper').fit());
        const button = page.locator('e-paper').locator('e-paper-fullscreen').locator('button');
        await button.click();
        await shoot(page, `${name}-fullscreen`, 1200);
        await page.evaluate(() => document.querySelector('e-paper').zoomTo(1, { x: 600, y: 700 }));
        await shoot(page, `${name}-fullscreen-zoomed`, 1000);
        await page.evaluate(() => document.exitFullscreen());
      }
      await page.context().close();
    }
} finally {
  await close();
}
