/**
 * The toolbar's wait for the UI font (toolbar-ui-font.ts) probes the viewer that asks for the
 * toolbar (src/controllers/lazy-parts.ts passes it), wherever it is: here a viewer inside another
 * element's shadow root (a site built of web components), which `document.querySelector('e-paper')`
 * does not find. Where the system has no CJK face, the wait ends once the UI font is in. A page of
 * its own: the face must not have loaded before.
 */
import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { uiFontReady } from '../../../src/elements/e-paper-toolbar/toolbar-ui-font.js';
import { A1_URL, nextEvent } from '../../helpers.js';
import { systemHasCjk, uiFace } from '../../ui-font-probe.js';

describe('the UI font for a viewer inside a shadow root', () => {
  it('the wait before the toolbar lays its probe out in that viewer and waits for the face', async function () {
    if (systemHasCjk()) this.skip(); // the system's faces draw the UI text: the UI font is never needed
    const site = document.createElement('div');
    const root = site.attachShadow({ mode: 'open' });
    const el = document.createElement('e-paper') as EPaper;
    el.style.cssText = 'display: block; width: 1280px; height: 800px';
    el.storageKey = `ui-font-shadow-${Date.now()}`;
    el.src = A1_URL;
    root.append(el);
    const ready = nextEvent(el, 'e-paper-ready');
    document.body.append(site);
    try {
      // Its first render, before ready: nothing has set UI text yet.
      await el.updateComplete;
      expect(document.querySelector('e-paper'), 'no viewer in the document’s own tree').to.equal(null);
      expect(uiFace()!.status, 'not asked for yet').to.equal('unloaded');
      await uiFontReady(el);
      expect(uiFace()!.status, 'in once the wait is over').to.equal('loaded');
      await ready;
    } finally {
      site.remove();
    }
  });
});
