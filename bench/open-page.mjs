// Where a traced load of the profile (profile.mjs, compare.mjs --profile) and of the frame
// timeline (frame-timeline.mjs) starts: a fresh page of a build at its ready mark, quiet, the
// bench's click on an article (its reader opened and closed), quiet again. Imported after the
// caller has taken its own options off the command line (cli.mjs reads the bench's on import).
import { benchPage, clickArticle } from './measures.mjs';
import { quiet } from './cdp.mjs';
import { timeout } from './cli.mjs';

/**
 * A fresh page of `viewer` loaded to its ready mark: its context (the caller closes it), the page,
 * a CDP session and mouse input through it. Errors of the page go to `result.errors`.
 */
export async function openAtReady(browser, origin, viewer, result) {
  const { context, page } = await benchPage(browser, result);
  try {
    let onReady;
    const ready = new Promise((resolve) => (onReady = resolve));
    await page.exposeBinding('__benchSignal', (_s, name) => name === 'ready' && onReady(true));
    const cdp = await context.newCDPSession(page);
    const input = (params) => cdp.send('Input.dispatchMouseEvent', params);
    await page.goto(origin + viewer.path, { waitUntil: 'commit' });
    if (!(await Promise.race([ready, timeout(30000)]))) throw new Error('no ready mark within 30 s');
    return { context, page, cdp, input };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

/**
 * {@link openAtReady}, then quiet, the bench's click, and quiet again: the page as the traced
 * interaction finds it, with `click` (what `clickArticle` measured). `aroundClick(click, page)`
 * runs the click (the profile waits and traces it); by default it only clicks.
 */
export async function openClicked(browser, origin, viewer, result, aroundClick = (click) => click()) {
  const opened = await openAtReady(browser, origin, viewer, result);
  try {
    await opened.page.evaluate(quiet);
    const click = await aroundClick(() => clickArticle(opened.page, opened.input), opened.page);
    await opened.page.evaluate(quiet);
    return { ...opened, click };
  } catch (error) {
    await opened.context.close().catch(() => {});
    throw error;
  }
}
