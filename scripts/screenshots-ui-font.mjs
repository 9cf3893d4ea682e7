// Screenshots of the toolbar in the first frame it is drawn (issue 22: the UI font comes with the
// toolbar, after ready), desktop and phone: its words must be in the UI face then, never another.
// Without a fonts-config (a machine with no CJK face) the UI font is what draws them.
//
//   node scripts/screenshots-ui-font.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { writeFileSync } from 'node:fs';
import { screenshotSession, sizes } from './screenshot-session.mjs';

const { open, base, outDir, close } = await screenshotSession();
const suffix = process.argv.includes('--suffix') ? process.argv[process.argv.indexOf('--suffix') + 1] : '';
try {
  for (const size of sizes()) {
    const page = await open(size);
    await page.addInitScript(() => {
      // The first frame after the toolbar is defined and has drawn itself.
      window.__toolbar = customElements
        .whenDefined('e-paper-toolbar')
        .then(
          () =>
            new Promise((resolve) =>
              requestAnimationFrame(() =>
                resolve([...document.fonts].find((face) => face.family.replace(/"/g, '') === 'e-paper UI')?.status),
              ),
            ),
        );
    });
    await page.goto(new URL('/demo/bare.html', base).href);
    const status = await page.evaluate(() => window.__toolbar);
    const cdp = await page.context().newCDPSession(page);
    const { data } = await cdp.send('Page.captureScreenshot', {
      format: 'png',
      clip: { x: 0, y: 0, width: size.viewport.width, height: 140, scale: 1 },
    });
    const file = `${outDir}/ui-font-toolbar-first-frame-${size.name}${suffix}.png`;
    writeFileSync(file, Buffer.from(data, 'base64'));
    console.log(`${file} (the UI face ${status ?? 'not registered'} when the toolbar was defined)`);
    await page.context().close();
  }
} finally {
  await close();
}
