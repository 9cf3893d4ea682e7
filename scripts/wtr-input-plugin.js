// A web-test-runner plugin for real input that `sendMouse`/`sendKeys` cannot send: wheel events
// with modifiers (Ctrl + wheel, trackpad pinches), double clicks, and multi-touch (pinch, pan,
// double-tap). It forwards Chrome DevTools Protocol `Input.*` events to the test's page, in
// order, and resolves once Chromium has taken each one.
//
// In a test:
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('cdp-input', {
//     events: [{ method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x, y, deltaX: 0, deltaY: -100, modifiers: 2 } }],
//     delay: 16, // optional: ms between events
//   });
// Modifiers are a bit field: Alt 1, Ctrl 2, Meta/⌘ 4, Shift 8.
//
// Only with the Chrome launcher (puppeteer): other launchers get a clear error.

const ALLOWED = new Set(['Input.dispatchMouseEvent', 'Input.dispatchTouchEvent', 'Input.dispatchKeyEvent']);

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function inputPlugin() {
  /** One CDP session per page. */
  const sessions = new WeakMap();

  return {
    name: 'e-paper-cdp-input',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cdp-input') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`cdp-input needs the Chrome launcher (puppeteer); this browser is "${session.browser.type}".`);
      }
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      const events = Array.isArray(payload?.events) ? payload.events : [];
      const delay = Number(payload?.delay) || 0;
      for (const [index, event] of events.entries()) {
        if (!ALLOWED.has(event?.method)) throw new Error(`cdp-input: ${event?.method} is not an input method.`);
        await cdp.send(event.method, event.params ?? {});
        if (delay && index < events.length - 1) await new Promise((resolve) => setTimeout(resolve, delay));
      }
      return true;
    },
  };
}
