import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
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

  it('holds the first article, laid out once hidden and away from the screen, and keeps it laid out while closed', async () => {
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
    await until(() => passes.length > 0, 'the dialog is laid out ahead');
    Reflect.deleteProperty(dialog, 'offsetHeight');
    expect(passes).to.deep.equal(['true flex hidden none true true']);
    // Kept laid out, so that showModal() finds its boxes made; but closed: not drawn, not read, not hit.
    expectKeptHidden(dialog);
    expect(dialog.open).to.equal(false);
    expect(reader.open).to.equal(false);
  });

  it('stays laid out and hidden after a close, out of reach of Tab', async () => {
    const before = await fixture<HTMLButtonElement>(html`<div><button>before</button><button>after</button></div>`);
    const reader = await fixture<EPaperReader>(html`<e-paper-reader .edition=${edition} .articleIds=${order}></e-paper-reader>`);
    const dialog = reader.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.classList.contains('ahead'), 'the dialog is laid out ahead');
    reader.articleId = order[1];
    reader.open = true;
    await reader.updateComplete;
    reader.open = false;
    reader.articleId = undefined;
    await reader.updateComplete;
    expectKeptHidden(dialog);
    before.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement, 'Tab goes on past the closed reader').to.equal(before.querySelector('button:last-child'));
  });

  it('opens with the same fade and rise as a dialog made from nothing', async () => {
    // Motion allowed (another file's emulation may stay in the browser): the fade is what is checked.
    await emulateMedia({ reducedMotion: 'no-preference' });
    const reader = await fixture<EPaperReader>(html`<e-paper-reader .edition=${edition} .articleIds=${order}></e-paper-reader>`);
    const dialog = reader.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.classList.contains('ahead'), 'the dialog is laid out ahead');
    reader.articleId = order[1];
    reader.open = true;
    await reader.updateComplete;
    // The transitions run from the closed dialog's styles (no @starting-style for a dialog that has boxes).
    const style = getComputedStyle(dialog);
    expect(Number(style.opacity), 'opacity at the open').to.be.below(0.5);
    expect(style.translate, 'risen from below').not.to.equal('none');
    const running = dialog.getAnimations().map((a) => (a as CSSTransition).transitionProperty);
    expect(running).to.include.members(['opacity', 'translate']);
    reader.open = false;
    await reader.updateComplete;
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

/** The closed dialog kept laid out: boxes made, but hidden, away from the screen and never hit. */
function expectKeptHidden(dialog: HTMLDialogElement) {
  const style = getComputedStyle(dialog);
  expect(dialog.open).to.equal(false);
  expect(style.display).to.equal('flex');
  expect(style.visibility).to.equal('hidden');
  expect(style.pointerEvents).to.equal('none');
  expect(dialog.getBoundingClientRect().right).to.be.at.most(0);
  expect(dialog.checkVisibility({ visibilityProperty: true })).to.equal(false);
}
