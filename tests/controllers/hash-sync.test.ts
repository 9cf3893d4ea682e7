import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { HashSyncController } from '../../src/controllers/hash-sync.js';
import type { HashKey } from '../../src/elements/e-paper/hash.js';

class HashHost extends LitElement {
  hashSync = true;
  heard: Partial<Record<HashKey, string>>[] = [];
  readonly hash = new HashSyncController(this, (param) =>
    this.heard.push({ page: param('page'), article: param('article'), date: param('date') }),
  );
}
customElements.define('test-hash-host', HashHost);

describe('HashSyncController', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('reads the hash when its viewer connects and when it changes, and writes it without a history entry', async () => {
    history.replaceState(null, '', `${location.pathname}#page=A2&other=1`);
    const host = document.body.appendChild(new HashHost());
    expect(host.heard).to.deep.equal([{ page: 'A2', article: undefined, date: undefined }]);
    const length = history.length;
    host.hash.write({ article: 'a3', page: undefined });
    expect(location.hash).to.equal('#other=1&article=a3');
    expect(history.length).to.equal(length);
    const changed = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    location.hash = '#date=2021-01-07';
    await changed;
    expect(host.heard.at(-1)).to.deep.equal({ page: undefined, article: undefined, date: '2021-01-07' });
    host.remove();
  });

  it('keeps the hash for the first viewer only, then for the next once the first leaves', () => {
    const [one, two] = [new HashHost(), new HashHost()];
    document.body.append(one, two);
    expect([one.hash.owns, two.hash.owns]).to.deep.equal([true, false]);
    two.hash.write({ page: 'A9' });
    expect(location.hash).to.equal('');
    expect(two.hash.param('page')).to.equal(undefined);
    one.remove();
    expect(two.hash.owns).to.equal(true);
    two.hash.write({ page: 'A9' });
    expect(two.hash.param('page')).to.equal('A9');
    two.hashSync = false;
    expect(two.hash.owns).to.equal(false);
    two.remove();
  });
});
