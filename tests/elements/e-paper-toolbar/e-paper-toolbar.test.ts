import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { EPaperToolbar, type ToolbarAction, type ToolbarActionDetail } from '../../../src/elements/e-paper-toolbar/e-paper-toolbar.js';

if (!customElements.get('e-paper-toolbar')) customElements.define('e-paper-toolbar', EPaperToolbar);

const buttonOf = (el: EPaperToolbar, action: ToolbarAction) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;

function center(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** Collects the actions fired, heard on the document (they bubble and are composed). */
function recordActions() {
  const actions: ToolbarAction[] = [];
  const listener = (event: Event) => actions.push((event as CustomEvent<ToolbarActionDetail>).detail.action);
  document.addEventListener('e-paper-toolbar-action', listener);
  return { actions, stop: () => document.removeEventListener('e-paper-toolbar-action', listener) };
}

afterEach(() => resetMouse());

describe('<e-paper-toolbar>', () => {
  it('names its buttons in zh-CN by default and in English with lang="en"', async () => {
    const el = await fixture<EPaperToolbar>(html`<e-paper-toolbar .scale=${0.35} .minScale=${0.2} .maxScale=${3}></e-paper-toolbar>`);
    const names = (['zoom-out', 'zoom-in', 'fit-page', 'fit-width'] as const).map((a) => buttonOf(el, a).getAttribute('aria-label'));
    expect(names).to.deep.equal(['缩小', '放大', '适合页面', '适合宽度']);
    expect(buttonOf(el, 'zoom-in').title).to.equal('放大');
    expect(buttonOf(el, 'zoom-in').querySelector('svg')).to.exist;
    expect(el.shadowRoot!.querySelector('[part="scale"]')!.textContent!.trim()).to.equal('35%');
    expect(el.shadowRoot!.querySelector('[part="toolbar"]')!.getAttribute('role')).to.equal('toolbar');
    el.lang = 'en';
    await el.updateComplete;
    const english = (['zoom-out', 'zoom-in', 'fit-page', 'fit-width'] as const).map((a) => buttonOf(el, a).getAttribute('aria-label'));
    expect(english).to.deep.equal(['Zoom out', 'Zoom in', 'Fit page', 'Fit width']);
  });

  it('fires e-paper-toolbar-action for each button, from a real click', async () => {
    const el = await fixture<EPaperToolbar>(html`<e-paper-toolbar .scale=${1} .minScale=${0.2} .maxScale=${3}></e-paper-toolbar>`);
    const { actions, stop } = recordActions();
    try {
      for (const action of ['zoom-out', 'zoom-in', 'fit-page', 'fit-width'] as const) {
        await sendMouse({ type: 'click', position: center(buttonOf(el, action)) });
      }
      expect(actions).to.deep.equal(['zoom-out', 'zoom-in', 'fit-page', 'fit-width']);
    } finally {
      stop();
    }
  });

  it('disables zoom out at the smallest and zoom in at the largest scale, and they fire nothing', async () => {
    const el = await fixture<EPaperToolbar>(html`<e-paper-toolbar .scale=${0.2} .minScale=${0.2} .maxScale=${3}></e-paper-toolbar>`);
    const { actions, stop } = recordActions();
    try {
      expect(buttonOf(el, 'zoom-out').getAttribute('aria-disabled')).to.equal('true');
      expect(buttonOf(el, 'zoom-in').getAttribute('aria-disabled')).to.equal('false');
      await sendMouse({ type: 'click', position: center(buttonOf(el, 'zoom-out')) });
      expect(actions).to.deep.equal([]);
      expect(getComputedStyle(buttonOf(el, 'zoom-out')).opacity).to.not.equal('1');

      el.scale = 3;
      await el.updateComplete;
      expect(buttonOf(el, 'zoom-out').getAttribute('aria-disabled')).to.equal('false');
      expect(buttonOf(el, 'zoom-in').getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part="scale"]')!.textContent!.trim()).to.equal('300%');
      // Keyboard: the disabled button keeps focus and does nothing.
      buttonOf(el, 'zoom-in').focus();
      await sendKeys({ press: 'Enter' });
      expect(actions).to.deep.equal([]);
      expect(el.shadowRoot!.activeElement).to.equal(buttonOf(el, 'zoom-in'));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      expect(actions).to.deep.equal(['fit-page']);

      // A page that fits above the largest scale: both disabled.
      el.minScale = 4;
      el.maxScale = 4;
      el.scale = 4;
      await el.updateComplete;
      expect(buttonOf(el, 'zoom-out').getAttribute('aria-disabled')).to.equal('true');
      expect(buttonOf(el, 'zoom-in').getAttribute('aria-disabled')).to.equal('true');
    } finally {
      stop();
    }
  });

  it('has an "end" slot, parts and theme properties', async () => {
    const el = await fixture<EPaperToolbar>(html`<e-paper-toolbar><button slot="end">more</button></e-paper-toolbar>`);
    el.style.setProperty('--e-paper-toolbar-bg', 'rgb(1, 2, 3)');
    el.style.setProperty('--e-paper-toolbar-ink', 'rgb(4, 5, 6)');
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="end"]')!;
    expect(slot.assignedElements().map((n) => n.textContent)).to.deep.equal(['more']);
    expect(el.shadowRoot!.querySelectorAll('[part~="button"]:not([hidden])')).to.have.length(4);
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="more"]')!.hidden, 'no "more" button: nothing left out').to.equal(true);
    const bar = el.shadowRoot!.querySelector('[part="toolbar"]')!;
    expect(getComputedStyle(bar).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(buttonOf(el, 'zoom-in')).color).to.equal('rgb(4, 5, 6)');
  });
});
