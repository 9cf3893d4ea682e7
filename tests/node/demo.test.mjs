// The demo site as a reader meets it (the dev server, as `npm start` serves it): the archive's
// copies print their own day in the ear, the brand theme recolours the viewer and nothing else,
// and the viewer takes the window below the sticky site header.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { editionOnDate } from '../../scripts/editions-from-a1.js';
import { ROOT } from './helpers.mjs';
import { launchBrowser } from './support/browser.mjs';

const a1 = JSON.parse(readFileSync(join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08.json'), 'utf8'));

describe('the archive copies of A1', () => {
  it('print each day in the ear: its date, weekday, lunar date and issue', () => {
    const days = {
      '2021-01-05': ['5', '星期二', '庚子年十一月廿二', '第22482期'],
      '2020-12-24': ['24', '星期四', '庚子年十一月初十', '第22470期'],
    };
    for (const [date, [day, weekday, lunarDate, issue]] of Object.entries(days)) {
      const { ear } = editionOnDate(a1, date);
      assert.deepEqual(
        { day: ear.day, weekday: ear.weekday, lunarDate: ear.lunarDate, issue: ear.issue },
        { day, weekday, lunarDate, issue },
      );
      // Nothing of 8 January's ear that the copy cannot know (its weather) is kept.
      assert.equal(ear.weather, undefined);
      assert.equal(ear.temperature, undefined);
    }
    assert.equal(editionOnDate(a1, '2021-01-08').ear, a1.ear);
  });
});

describe('the demo site', () => {
  let server;
  let browser;
  let base;
  before(async () => {
    server = await createServer({ root: ROOT, logLevel: 'error', server: { port: 0, open: false } });
    await server.listen();
    base = server.resolvedUrls.local[0];
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function demo(path, viewport = { width: 1280, height: 800 }) {
    const page = await browser.newPage({ viewport });
    await page.addInitScript(() => {
      window.__ready = new Promise((resolve) => document.addEventListener('e-paper-ready', resolve, { once: true }));
    });
    await page.goto(new URL(path, base).href);
    await page.evaluate(() => window.__ready);
    return page;
  }

  it('shows the day chosen in the archive in the page’s ear', async () => {
    const page = await demo('/demo/?edition=archive#date=2021-01-05');
    const ear = () => page.locator('e-paper e-paper-page .ear').innerText();
    await page.waitForFunction(() => document.querySelector('e-paper').getAttribute('src')?.includes('2021-01-05'));
    await page.waitForFunction(() =>
      document
        .querySelector('e-paper')
        .shadowRoot.querySelector('e-paper-page')
        ?.shadowRoot.querySelector('.ear')
        ?.textContent.includes('庚子年十一月廿二'),
    );
    const text = (await ear()).replace(/\s+/g, '');
    assert.match(text, /2021年1月5星期二庚子年十一月廿二第22482期/);
    await page.close();
  });

  it('the brand theme restyles the viewer, not the site’s text', async () => {
    const page = await demo('/demo/');
    const body = () => page.evaluate(() => [getComputedStyle(document.body).fontWeight, getComputedStyle(document.body).fontSize]);
    const before = await body();
    await page.locator('input[value="brand"]').check();
    assert.deepEqual(await body(), before);
    assert.deepEqual(before, ['400', '16px']);
    // The viewer took the theme.
    const accent = await page.evaluate(() =>
      getComputedStyle(document.querySelector('e-paper')).getPropertyValue('--e-paper-toolbar-bg').trim(),
    );
    assert.equal(accent, '#0b5cad');
    await page.close();
  });

  it('sizes the viewer to the window below the sticky header, on a desktop and on a phone', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await demo('/demo/', viewport);
      const { viewer, header } = await page.evaluate(() => {
        const el = document.querySelector('e-paper');
        el.scrollIntoView();
        return {
          viewer: el.getBoundingClientRect().toJSON(),
          header: document.querySelector('.site-header').getBoundingClientRect().toJSON(),
        };
      });
      assert.equal(header.top, 0, 'the header stays at the top');
      assert.equal(Math.round(viewer.top), Math.round(header.bottom), 'the viewer starts under the header');
      assert.equal(Math.round(viewer.bottom), viewport.height, 'and ends at the foot of the window');
      await page.close();
    }
  });
});
