// Screenshots of what a developer and a reader first meet: a viewer without a `lang` of its own
// on an English page (its UI in English), and the overview map whose picture could not be loaded
// (the scan edition with its smallest image missing, made so here), at desktop and phone sizes.
//
//   node scripts/screenshots-readers.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { screenshotSession, sizes } from './screenshot-session.mjs';

const { base, open, shoot, close } = await screenshotSession({ settle: 600 });

/** A page of the dev server whose HTML is `body` under `<html lang=…>`, with <e-paper> defined. */
async function hostPage(options, lang, body) {
  const page = await open(options);
  const url = new URL('/screenshot-host.html', base).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="${lang}"><meta charset="utf-8"><body style="margin:0">${body}<script type="module">import '/src/index.ts';</script></body></html>`,
    }),
  );
  await page.addInitScript(() => {
    window.__ready = new Promise((resolve) => document.addEventListener('e-paper-ready', resolve, { once: true }));
  });
  await page.goto(url);
  return page;
}

const VIEWER = 'style="display:block;height:100vh" no-persist';

try {
  for (const size of sizes()) {
    // English page, no lang on the viewer.
    let page = await hostPage(size, 'en', `<e-paper ${VIEWER} src="/demo/editions/zhuzhou-daily-2021-01-08.json"></e-paper>`);
    await page.evaluate(() => window.__ready);
    await shoot(page, `ui-lang-english-page-${size.name}`);
    await page.context().close();

    // The overview map's failed picture, zoomed in.
    page = await hostPage(size, 'zh-CN', `<e-paper ${VIEWER}></e-paper>`);
    await page.evaluate(async () => {
      const url = new URL('/demo/editions/zhuzhou-daily-2021-01-08-scan.json', location.href);
      const edition = await (await fetch(url)).json();
      const { scan } = edition.pages[0];
      scan.src = new URL(scan.src, url).href;
      scan.srcset = [{ src: new URL('no-such-page-500.jpg', url).href, width: 500 }];
      document.querySelector('e-paper').edition = edition;
      await window.__ready;
      document.querySelector('e-paper').zoomTo(1.2, { x: 700, y: 900 });
    });
    await page.waitForFunction(() =>
      document.querySelector('e-paper').shadowRoot.querySelector('e-paper-overview')?.shadowRoot?.querySelector('svg.failed'),
    );
    await shoot(page, `overview-failed-${size.name}`, 1500);
    await page.context().close();
  }
} finally {
  await close();
}
