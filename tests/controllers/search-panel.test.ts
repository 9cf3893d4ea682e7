import { expect } from '@open-wc/testing';
import { SearchPanelController } from '../../src/controllers/search-panel.js';
import { loadA1 } from '../helpers.js';
import { stubContext } from './stub-context.js';

describe('SearchPanelController', () => {
  it('opens with the search part and every page file, and closes with its query gone and focus on its button', async () => {
    const { ctx, host, log, remove } = stubContext(await loadA1());
    const toggle = document.createElement('button');
    toggle.className = 'search-toggle';
    host.renderRoot.append(toggle);
    const search = new SearchPanelController(ctx);
    search.toggle();
    expect(ctx.ui().searchOpen).to.equal(true);
    expect([log.parts, log.loadAll]).to.deep.equal([['e-paper-search'], 1]);
    ctx.set({ searchQuery: '株洲' });
    search.toggle();
    expect([ctx.ui().searchOpen, ctx.ui().searchQuery]).to.deep.equal([false, '']);
    await ctx.rendered();
    await Promise.resolve();
    expect(host.shadowRoot!.activeElement, 'focus on the search button').to.equal(toggle);
    remove();
  });

  it('open already, gives its field the focus again (Ctrl+F a second time)', async () => {
    const { ctx, host, remove } = stubContext(await loadA1());
    let focused = 0;
    const panel = Object.assign(document.createElement('e-paper-search-stand-in'), { focusInput: () => void focused++ });
    host.renderRoot.append(panel);
    // The stand-in answers to the panel's tag name.
    const query = host.renderRoot.querySelector.bind(host.renderRoot);
    host.renderRoot.querySelector = ((selector: string) =>
      query(selector === 'e-paper-search' ? 'e-paper-search-stand-in' : selector)) as typeof query;
    const search = new SearchPanelController(ctx);
    search.open();
    expect(focused, 'not open before: it focuses itself as it opens').to.equal(0);
    search.open();
    expect([focused, ctx.ui().searchOpen]).to.deep.equal([1, true]);
    remove();
  });
});
