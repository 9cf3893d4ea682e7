/**
 * When the UI font (src/i18n/ui-font.ts) is fetched: not on the way to `e-paper-ready` (nothing
 * shown before it sets UI text: the loading screen's words wait a second), and, where the system
 * has no CJK face, before the toolbar is defined (src/i18n/ui-font-ready.ts), so that its words
 * never show in another face. A page of its own: the face must not have loaded before.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import { UI_FONT_FILE } from '../src/i18n/ui-font-file.js';
import { UI_FONT_FAMILY } from '../src/i18n/ui-font.js';
import { A1_URL, nextEvent } from './helpers.js';
import { systemHasCjk, uiFace } from './ui-font-probe.js';

describe('the UI font, in time', () => {
  it('is not fetched before ready, and is in before the toolbar is defined', async function () {
    if (systemHasCjk()) this.skip(); // the system's faces draw the UI text: the UI font is never needed
    const el = document.createElement('e-paper') as EPaper;
    el.style.cssText = 'display: block; width: 1280px; height: 800px';
    el.storageKey = `ui-font-timing-${Date.now()}`;
    el.src = A1_URL;
    let atDefinition: string | undefined;
    void customElements.whenDefined('e-paper-toolbar').then(() => (atDefinition = uiFace()?.status));
    const ready = nextEvent(el, 'e-paper-ready');
    document.body.append(el);
    await el.updateComplete;
    const label = el.shadowRoot!.querySelector('.skeleton .label');
    if (label) expect(getComputedStyle(label).display, "the loading screen's words wait").to.equal('none');
    await ready;
    const fetched = () =>
      performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.endsWith(`/${UI_FONT_FILE}`));
    expect(fetched(), 'not fetched before ready').to.deep.equal([]);
    expect(uiFace()!.status, 'registered, not loaded, at ready').to.equal('unloaded');
    await customElements.whenDefined('e-paper-toolbar');
    expect(atDefinition, 'in when the toolbar is defined').to.equal('loaded');
    expect(fetched().length, 'fetched once, after ready').to.equal(1);
    // Its words are drawn in that stack.
    const toolbar = el.shadowRoot!.querySelector('e-paper-toolbar')!;
    expect(getComputedStyle(toolbar).fontFamily).to.contain(`"${UI_FONT_FAMILY}"`);
    el.remove();
  });
});
