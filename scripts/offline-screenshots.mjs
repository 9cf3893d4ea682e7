// Screenshots of offline reading (the toolbar button, its panel, a save done with two editions
// listed, a full storage) at desktop and phone sizes, from the bare embed (demo/bare.html, the built
// bundle: npm run build first). Saves in the browser's own Cache Storage of a fresh profile.
//
//   node scripts/offline-screenshots.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { screenshotSession, sizes } from './screenshot-session.mjs';

const { open, base, shoot, close } = await screenshotSession({ settle: 0 });
const inPart = (sel) =>
  `document.querySelector('e-paper')?.shadowRoot?.querySelector('e-paper-offline')?.shadowRoot?.querySelector('${sel}')`;
try {
  for (const size of sizes({ phoneScale: 3 })) {
    // A context of its own: a fresh Cache Storage for each size.
    const page = await open(size);
    await page.goto(new URL('/demo/bare.html', base).href);
    await page.evaluate(() => document.querySelector('e-paper').setAttribute('offline', ''));
    await page.waitForFunction(`!!(${inPart('.toggle')})`, null, { timeout: 20000 });
    await shoot(page, `offline-${size.name}-button`, 800);
    await page.evaluate(`${inPart('.toggle')}.click()`);
    await shoot(page, `offline-${size.name}-panel`, 300);
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
    await shoot(page, `offline-${size.name}-saved`, 600);
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
      await shoot(page, `offline-${size.name}-quota`, 300);
    }
    await page.context().close();
  }
} finally {
  await close();
}
