import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import type { EPaperReadAloud } from '../../../src/elements/e-paper-read-aloud/e-paper-read-aloud.js';
import { A1_URL, loadA1, mountViewer, until } from '../../helpers.js';
import { install, uninstall, voice } from './speech-stub.js';

afterEach(() => uninstall());

const readerOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
const aloudOf = (el: EPaper) => readerOf(el).shadowRoot!.querySelector<EPaperReadAloud>('e-paper-read-aloud');

async function openWithAloud(el: EPaper, id: string): Promise<HTMLButtonElement> {
  el.openArticle(id);
  await el.updateComplete;
  await until(() => aloudOf(el)?.shadowRoot?.querySelector('.play') != null, 'read aloud is shown');
  return aloudOf(el)!.shadowRoot!.querySelector<HTMLButtonElement>('.play')!;
}

async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

describe('<e-paper> remembers where read aloud was', () => {
  it('starts again at the paragraph and speed of the last visit', async () => {
    const synth = install([voice('zh-CN')])!;
    const article = (await loadA1()).articles.find((a) => a.id === 'a2')!;
    const first = await mountViewer<EPaper>((el) => (el.src = A1_URL));
    const key = (first as EPaper & { storageKey: string }).storageKey;
    await click(await openWithAloud(first, 'a2'));
    const rate = aloudOf(first)!.shadowRoot!.querySelector<HTMLSelectElement>('.rate')!;
    rate.value = '1.25';
    rate.dispatchEvent(new Event('change'));
    // The headline, then into the second paragraph.
    while (!article.paragraphs[1].startsWith(synth.current!.text)) synth.finish();
    first.remove();
    // A new visit: another viewer of the same reader (storage key).
    const second = await mountViewer<EPaper>((el) => {
      el.src = A1_URL;
      (el as EPaper & { storageKey: string }).storageKey = key;
    });
    const spoken = synth.spoken.length;
    await click(await openWithAloud(second, 'a2'));
    expect(synth.spoken.length).to.equal(spoken + 1);
    expect(article.paragraphs[1].startsWith(synth.current!.text), 'the second paragraph').to.equal(true);
    expect(synth.current!.rate).to.equal(1.25);
    second.remove();
  });
});
