import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { SearchHighlightController } from '../../src/controllers/search-highlights.js';
import { until } from '../helpers.js';

class HighlightHost extends LitElement {
  static override properties = { highlight: {}, text: {} };
  highlight = '';
  text = '株洲日报讯 株洲市';
  constructor() {
    super();
    new SearchHighlightController(this, () => [this.highlight, this.text]);
  }
  override render() {
    return html`<p>${this.text}</p>`;
  }
}
customElements.define('test-highlight-host', HighlightHost);

const ranges = () => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('e-paper-search') ?? [])];
const mine = (host: HighlightHost) => ranges().filter((r) => host.shadowRoot!.contains(r.startContainer));

describe('SearchHighlightController', () => {
  it('highlights the query in its own host, again when the text changes, and clears it', async () => {
    const host = document.body.appendChild(new HighlightHost());
    const other = document.body.appendChild(new HighlightHost());
    host.highlight = '株洲';
    other.highlight = '日报';
    await until(() => mine(host).length === 2 && mine(other).length === 1, 'both hosts highlighted');
    expect(mine(host).map((r) => r.toString())).to.deep.equal(['株洲', '株洲']);
    host.text = '株洲';
    await until(() => mine(host).length === 1 && mine(host)[0].startContainer.isConnected, 'the new text highlighted');
    host.highlight = '';
    await until(() => mine(host).length === 0, 'cleared');
    expect(mine(other).length, 'the other host keeps its own').to.equal(1);
    other.remove();
    await until(() => mine(other).length === 0, 'cleared when its host leaves');
    host.remove();
  });
});
