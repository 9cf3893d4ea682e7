// The toolbar in a narrow viewer (a phone): shorter labels keep it to two rows.
import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { deepQuery, mountViewer, partsLoaded, until } from '../../helpers.js';

async function mount(width: number) {
  const el = await mountViewer<EPaper>(
    (e) => {
      e.archive = '/fixtures/archive.json?days=30&last=2021-01-08';
      e.src = '/fixtures/edition/2021-01-08.json';
    },
    { width, height: 700 },
  );
  await partsLoaded(el);
  await until(() => !!deepQuery(el, 'e-paper-archive', '.date'), 'the date picker is drawn');
  const picker = deepQuery(el, 'e-paper-archive')!;
  await (picker as unknown as { updateComplete: Promise<void> }).updateComplete;
  return { el, picker };
}

const buttonHeight = 36;

describe('<e-paper>: the toolbar in a narrow viewer', () => {
  let el: EPaper | undefined;
  afterEach(() => {
    el?.remove();
    el = undefined;
  });

  it('at 390 px: the short date and the clear-history icon, in two rows', async () => {
    let picker: Element;
    ({ el, picker } = await mount(390));
    const date = picker.shadowRoot!.querySelector<HTMLElement>('.date')!;
    expect(date.innerText.trim()).to.equal('1月8日 周五');
    const clear = el.shadowRoot!.querySelector<HTMLButtonElement>('.clear-history')!;
    expect(clear.innerText.trim(), 'the label gives way to the icon').to.equal('');
    expect(clear.getAttribute('aria-label')).to.equal('清除阅读记录');
    expect(clear.querySelector('svg')!.getBoundingClientRect().width).to.be.greaterThan(0);
    const toolbar = deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.toolbar')!;
    const rows = Math.round(toolbar.getBoundingClientRect().height / (buttonHeight + 4));
    expect(rows, `toolbar ${toolbar.getBoundingClientRect().height} px tall`).to.be.at.most(2);
  });

  it('at 1000 px: the full date and the labelled button', async () => {
    let picker: Element;
    ({ el, picker } = await mount(1000));
    expect(picker.shadowRoot!.querySelector<HTMLElement>('.date')!.innerText.trim()).to.equal('2021年1月8日 星期五');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('.clear-history')!.innerText.trim()).to.equal('清除阅读记录');
  });
});
