// A web-test-runner plugin that hands a test Chromium's own accessibility tree (what a screen
// reader gets), through the Chrome DevTools Protocol's Accessibility.getFullAXTree: axe checks
// rules, this shows the structure (roles, names, nesting) as assistive technology meets it.
//
// In a test:
//   import { executeServerCommand } from '@web/test-runner-commands';
//   const nodes = await executeServerCommand('ax-tree');
//   // [{ id, role, name, ignored, children: [ids] }, …], the root first
//
// Only with the Chrome launcher (puppeteer): other launchers get a clear error.

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function axTreePlugin() {
  const sessions = new WeakMap();
  return {
    name: 'e-paper-ax-tree',
    async executeCommand({ command, session }) {
      if (command !== 'ax-tree') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`ax-tree needs the Chrome launcher (puppeteer); this browser is "${session.browser.type}".`);
      }
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      return nodes.map((node) => ({
        id: node.nodeId,
        role: node.role?.value ?? '',
        name: node.name?.value ?? '',
        ignored: node.ignored ?? false,
        children: node.childIds ?? [],
      }));
    },
  };
}
