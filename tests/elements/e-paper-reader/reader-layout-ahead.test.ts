import { expect, fixture, html } from '@open-wc/testing';
import { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import { articlesOnPage } from '../../../src/edition/regions.js';
import type { Edition } from '../../../src/edition/schema.js';
import { loadA1, until } from '../../helpers.js';

if (!customElements.get('e-paper-reader')) customElements.define('e-paper-reader', EPaperReader);

let edition: Edition;
let order: string[];

describe('<e-paper-reader>: the dialog laid out ahead at idle while closed', () => {
  before(async () => {
    edition = await loadA1();
    order = articlesOnPage(edition, edition.pages[0]).map((a) => a.id);
  });

  it('holds the first article, laid out once hidden and away from the screen, then closed again', async () => {
    const reader = await fixture<EPaperReader>(html`<e-paper-reader .edition=${edition} .articleIds=${order}></e-paper-reader>`);
    const dialog = reader.shadowRoot!.querySelector('dialog')!;
    // Each time the dialog is laid out ahead (the pass reads its height): where, and whether it could be seen or hit.
    const passes: string[] = [];
    const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!.get!;
    Object.defineProperty(dialog, 'offsetHeight', {
      configurable: true,
      get(this: HTMLDialogElement) {
        const box = this.getBoundingClientRect();
        const style = getComputedStyle(this);
        passes.push(
          `${this.classList.contains('ahead')} ${style.display} ${style.visibility} ${style.pointerEvents} ${box.right <= 0} ${box.height > 0}`,
        );
        return height.call(this);
      },
    });
    const first = edition.articles.find((a) => a.id === order[0])!;
    await until(() => dialog.querySelector('#headline')?.textContent === first.headline, 'the first article is in the closed dialog');
    await until(() => passes.length > 0 && !dialog.classList.contains('ahead'), 'the dialog is laid out ahead');
    Reflect.deleteProperty(dialog, 'offsetHeight');
    expect(passes).to.deep.equal(['true flex hidden none true true']);
    // Closed as any closed dialog: not drawn, not read, not found.
    expect(getComputedStyle(dialog).display).to.equal('none');
    expect(dialog.open).to.equal(false);
    expect(reader.open).to.equal(false);
  });

  it('opens another article in the DOM laid out ahead, its text swapped, and shows nothing of the first', async () => {
    const reader = await fixture<EPaperReader>(html`<e-paper-reader .edition=${edition} .articleIds=${order}></e-paper-reader>`);
    const dialog = reader.shadowRoot!.querySelector('dialog')!;
    await until(() => !!dialog.querySelector('article.scroller'), 'the first article is laid out ahead');
    const scroller = dialog.querySelector('article.scroller');
    const other = edition.articles.find((a) => a.id === order[1])!;
    reader.articleId = other.id;
    reader.open = true;
    await reader.updateComplete;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.querySelector('article.scroller'), 'the same article element').to.equal(scroller);
    expect(dialog.querySelector('#headline')!.textContent).to.equal(other.headline);
    expect(dialog.querySelector('.body > p')!.textContent).to.equal(other.paragraphs[0]);
    expect(dialog.querySelectorAll('.body > p').length).to.equal(other.paragraphs.length);
    const first = edition.articles.find((a) => a.id === order[0])!;
    expect(dialog.textContent).not.to.contain(first.paragraphs[0]);
    reader.open = false;
    await reader.updateComplete;
  });

  it('does nothing while open, and the missing article is still said', async () => {
    const reader = await fixture<EPaperReader>(
      html`<e-paper-reader .edition=${edition} .articleIds=${order} article-id="nope" .open=${true}></e-paper-reader>`,
    );
    const dialog = reader.shadowRoot!.querySelector('dialog')!;
    let laidAhead = false;
    const observer = new MutationObserver(() => (laidAhead ||= dialog.classList.contains('ahead')));
    observer.observe(dialog, { attributes: true, attributeFilter: ['class'] });
    // A few idle periods.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => requestIdleCallback(resolve));
    observer.disconnect();
    expect(laidAhead).to.equal(false);
    expect(dialog.querySelector('.notice')!.textContent).to.contain('nope');
    reader.open = false;
    await reader.updateComplete;
  });
});
