// A web-test-runner plugin that hands a test the pixels Chromium draws for a part of its page
// (Page.captureScreenshot of the Chrome DevTools Protocol), as a PNG in base64: a test decodes
// it in the page (createImageBitmap) to measure what a reader sees, such as a face's grey.
//
// In a test:
//   import { executeServerCommand } from '@web/test-runner-commands';
//   const png = await executeServerCommand('screenshot', { x, y, width, height }); // CSS px
//
// Only with the Chrome launcher (puppeteer): other launchers get a clear error.

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function screenshotPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'e-paper-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'screenshot') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`screenshot needs the Chrome launcher (puppeteer); this browser is "${session.browser.type}".`);
      }
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      const { x, y, width, height } = /** @type {{x: number, y: number, width: number, height: number}} */ (payload);
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { x, y, width, height, scale: 1 } });
      return data;
    },
  };
}
