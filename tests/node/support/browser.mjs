// Chromium for the node tests (playwright-core driving the browser that find-browser picks), and
// the check every consumer test ends with: the viewer gets ready and opens an article.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowser } from '../../../scripts/find-browser.js';

export const EDITION_URL = '/demo/editions/zhuzhou-daily-2021-01-08.json';
/** An article of the demo A1 page and the start of its headline. */
export const ARTICLE = { id: 'a2', headline: '中共中央政治局常务委员会召开会议' };
const PUBLIC_EVENTS = ['e-paper-ready', 'e-paper-error', 'e-paper-article-open', 'e-paper-article-close'];

export async function launchBrowser() {
  return chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS });
}

/**
 * Opens `url` in a new page that records the viewer's public events (from before any script
 * runs) and the page's errors.
 */
export async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.addInitScript((types) => {
    const heard = (window.__ePaperEvents = []);
    for (const type of types) document.addEventListener(type, (event) => heard.push({ type, detail: event.detail }), true);
  }, PUBLIC_EVENTS);
  await page.goto(url);
  return { page, errors };
}

/** Waits for the first event of `type` the page heard (whose detail has the fields of `like`) and returns its detail. */
export async function heard(page, type, like = {}, timeout = 20_000) {
  const found = ([type, like]) =>
    window.__ePaperEvents.find(
      (event) => event.type === type && Object.entries(like).every(([key, value]) => event.detail?.[key] === value),
    );
  const handle = await page.waitForFunction(found, [type, like], { timeout }).catch(async () => {
    const events = await page.evaluate(() => window.__ePaperEvents.map((event) => `${event.type} ${JSON.stringify(event.detail)}`));
    throw new Error(`no ${type} ${JSON.stringify(like)} within ${timeout} ms; heard: ${events.join('; ') || 'nothing'}`);
  });
  return (await handle.jsonValue()).detail;
}

/**
 * The viewer on the page is ready with the demo edition, and a click on an article's region
 * opens that article in the reader.
 */
export async function assertReadyAndOpensArticle(page) {
  const ready = await heard(page, 'e-paper-ready');
  assert.equal(ready.editionId, 'zhuzhou-daily-2021-01-08');
  // Playwright's CSS selectors go through open shadow roots: this is the region on the page.
  await page.locator(`e-paper .region[data-article-id="${ARTICLE.id}"]`).click();
  await heard(page, 'e-paper-article-open', { articleId: ARTICLE.id });
  const readerText = await page.waitForFunction(
    (headline) =>
      document.querySelector('e-paper')?.shadowRoot?.querySelector('e-paper-reader')?.shadowRoot?.textContent?.includes(headline),
    ARTICLE.headline,
  );
  assert.ok(await readerText.jsonValue(), 'the reader shows the article');
  return ready;
}
