import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import type { EPaperReadAloud } from '../../../src/elements/e-paper-read-aloud/e-paper-read-aloud.js';
import { sentences } from '../../../src/elements/e-paper-read-aloud/speech.js';
import { articlesOnPage } from '../../../src/edition/regions.js';
import { loadEditionFonts } from '../../../src/edition/fonts.js';
import type { Article, Edition } from '../../../src/edition/schema.js';
import { A1_URL, frames, loadA1, until } from '../../helpers.js';
import { install, uninstall, voice, type StubSynth } from './speech-stub.js';

if (!customElements.get('e-paper-reader')) customElements.define('e-paper-reader', EPaperReader);

let edition: Edition;
let order: string[];
const articleOf = (id: string) => edition.articles.find((a) => a.id === id)!;
/** What read aloud says of an article, in order: the headline, then each paragraph's sentences. */
const blocksOf = (article: Article) => [article.headline, ...article.paragraphs];

before(async () => {
  edition = await loadA1();
  order = articlesOnPage(edition, edition.pages[0]).map((a) => a.id);
  await loadEditionFonts(edition, A1_URL);
  await setViewport({ width: 1280, height: 700 });
});

afterEach(async () => {
  uninstall();
  await resetMouse();
});

after(async () => {
  await setViewport({ width: 800, height: 600 });
});

async function openReader(articleId: string, setup: (reader: EPaperReader) => void = () => {}): Promise<EPaperReader> {
  const reader = await fixture<EPaperReader>(
    html`<e-paper-reader .edition=${edition} .articleIds=${order} page-label="A1" article-id=${articleId}></e-paper-reader>`,
  );
  reader.addEventListener('e-paper-reader-navigate', (event) => (reader.articleId = event.detail.articleId));
  setup(reader);
  reader.open = true;
  await reader.updateComplete;
  await customElements.whenDefined('e-paper-read-aloud');
  await aloudOf(reader).updateComplete;
  return reader;
}

const aloudOf = (reader: EPaperReader) => reader.shadowRoot!.querySelector<EPaperReadAloud>('e-paper-read-aloud')!;
const inAloud = <T extends Element = HTMLElement>(reader: EPaperReader, selector: string) =>
  aloudOf(reader).shadowRoot!.querySelector<T & Element>(selector);

async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

/** The highlighted blocks of the reader: 'headline' or the index of a body paragraph. */
function highlighted(reader: EPaperReader): (string | number)[] {
  const root = reader.shadowRoot!;
  const paragraphs = [...root.querySelectorAll('.body > p')];
  return [...root.querySelectorAll('.speaking')].map((el) => (el.id === 'headline' ? 'headline' : paragraphs.indexOf(el)));
}

/** Ends utterances until one starts with `text` (or fails after `max`). */
async function finishUntil(synth: StubSynth, reader: EPaperReader, test: (text: string) => boolean, max = 200): Promise<void> {
  for (let i = 0; i < max && !test(synth.current?.text ?? ''); i++) {
    synth.finish();
    await reader.updateComplete;
  }
  expect(test(synth.current?.text ?? ''), 'reached the utterance').to.equal(true);
}

describe('read aloud in the reader', () => {
  it('reads the headline, then every paragraph in order, in a voice of the article’s language', async () => {
    const synth = install([voice('en-US'), voice('zh-TW'), voice('zh-CN')])!;
    const article = articleOf('a1');
    const reader = await openReader('a1');
    const play = inAloud(reader, '.play')!;
    expect(play.textContent!.trim()).to.equal('朗读');
    await click(play);
    await reader.updateComplete;
    expect(synth.spoken, 'one utterance at a time').to.have.length(1);
    expect(synth.current!.text).to.equal(article.headline);
    expect(synth.current!.lang).to.equal('zh-CN');
    expect(synth.current!.voice!.lang, 'the voice of the edition’s language, not zh-TW').to.equal('zh-CN');
    expect(synth.current!.rate).to.equal(1);
    expect(inAloud(reader, '.play')!.textContent!.trim(), 'the button now pauses').to.equal('暂停朗读');
    while (synth.current) synth.finish();
    // Before the reader moves on to the next article (and reads it).
    const said = synth.spoken.map((u) => u.text);
    expect(said.join(''), 'the whole text, in order, nothing twice').to.equal(blocksOf(article).join(''));
    expect(said.length, 'one utterance per sentence').to.equal(1 + article.paragraphs.flatMap(sentences).length);
    expect(
      said.every((text) => text.length <= 170),
      'no utterance is long',
    ).to.equal(true);
  });

  it('highlights the block being read and keeps it in view', async () => {
    const synth = install([voice('zh-CN')])!;
    const article = articleOf('a6');
    const reader = await openReader('a6');
    await click(inAloud(reader, '.play')!);
    await reader.updateComplete;
    expect(highlighted(reader)).to.deep.equal(['headline']);
    synth.finish();
    await reader.updateComplete;
    expect(highlighted(reader)).to.deep.equal([0]);
    const last = article.paragraphs.length - 1;
    await finishUntil(synth, reader, (text) => article.paragraphs[last].startsWith(text));
    expect(highlighted(reader)).to.deep.equal([last]);
    const scroller = reader.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const target = reader.shadowRoot!.querySelectorAll<HTMLElement>('.body > p')[last];
    expect(scroller.scrollHeight, 'the article scrolls').to.be.greaterThan(scroller.clientHeight);
    await until(() => {
      const view = scroller.getBoundingClientRect();
      const box = target.getBoundingClientRect();
      return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
    }, 'the paragraph read is in view');
  });

  it('pauses, and resumes at the word it stopped at', async () => {
    const synth = install([voice('zh-CN')])!;
    const article = articleOf('a2');
    const reader = await openReader('a2');
    await click(inAloud(reader, '.play')!);
    synth.finish();
    await reader.updateComplete;
    const piece = synth.current!.text;
    expect(article.paragraphs[0].startsWith(piece)).to.equal(true);
    synth.boundary(6);
    const cancels = synth.cancels;
    await click(inAloud(reader, '.play')!);
    await reader.updateComplete;
    expect(synth.cancels, 'the utterance is cancelled').to.equal(cancels + 1);
    expect(synth.current?.text).to.equal(undefined);
    const button = inAloud(reader, '.play')!;
    expect(button.textContent!.trim()).to.equal('继续朗读');
    expect(highlighted(reader), 'no highlight while paused').to.deep.equal([]);
    const before = synth.spoken.length;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await reader.updateComplete;
    expect(synth.spoken.length).to.equal(before + 1);
    expect(synth.current!.text).to.equal(piece.slice(6));
    expect(highlighted(reader)).to.deep.equal([0]);
  });

  it('goes on with the next article when one ends, and stops after the last', async () => {
    const synth = install([voice('zh-CN')])!;
    const last = order[order.length - 1];
    const first = order[order.length - 2];
    const reader = await openReader(first);
    await click(inAloud(reader, '.play')!);
    await finishUntil(synth, reader, (text) => text === articleOf(last).headline);
    expect(reader.articleId, 'the reader moved on').to.equal(last);
    await reader.updateComplete;
    expect(highlighted(reader)).to.deep.equal(['headline']);
    while (synth.current) synth.finish();
    await reader.updateComplete;
    expect(reader.articleId, 'no article after the last').to.equal(last);
    expect(inAloud(reader, '.play')!.textContent!.trim(), 'stopped').to.equal('朗读');
    expect(highlighted(reader)).to.deep.equal([]);
  });

  it('reads at the speed chosen, from the next sentence on and at once for the one under way', async () => {
    const synth = install([voice('zh-CN')])!;
    const reader = await openReader('a3');
    const seen: { paragraph: number; rate: number }[] = [];
    reader.addEventListener('e-paper-reader-aloud', (event) => seen.push(event.detail));
    await click(inAloud(reader, '.play')!);
    const rate = inAloud<HTMLSelectElement>(reader, '.rate')!;
    rate.focus();
    // 1 → 1.25 → 1.5 with the keyboard.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await reader.updateComplete;
    expect(synth.current!.rate).to.equal(1.5);
    expect(synth.current!.text, 'the headline again, faster').to.equal(articleOf('a3').headline);
    synth.finish();
    expect(synth.current!.rate).to.equal(1.5);
    expect(seen.at(-1)).to.deep.include({ article: 'a3', paragraph: 0, rate: 1.5 });
  });

  it('starts where it was last (the owner’s `aloud`) at the speed kept', async () => {
    const synth = install([voice('zh-CN')])!;
    const article = articleOf('a5');
    const reader = await openReader('a5', (r) => (r.aloud = { article: 'a5', paragraph: 3, rate: 1.25 }));
    await click(inAloud(reader, '.play')!);
    await reader.updateComplete;
    expect(article.paragraphs[3].startsWith(synth.current!.text)).to.equal(true);
    expect(synth.current!.rate).to.equal(1.25);
    expect(highlighted(reader)).to.deep.equal([3]);
    // Another article starts at its headline.
    reader.articleId = 'a4';
    await reader.updateComplete;
    await frames();
    expect(synth.current!.text).to.equal(articleOf('a4').headline);
  });

  it('stops when the reader closes', async () => {
    const synth = install([voice('zh-CN')])!;
    const reader = await openReader('a1');
    await click(inAloud(reader, '.play')!);
    expect(synth.current?.text).to.equal(articleOf('a1').headline);
    reader.open = false;
    await reader.updateComplete;
    expect(synth.current?.text, 'nothing is being said').to.equal(undefined);
  });

  it('is hidden, with the reason, where there is no voice for the language', async () => {
    install([voice('en-US'), voice('ja-JP')]);
    const reader = await openReader('a1');
    expect(inAloud(reader, '.play'), 'no play button').to.equal(null);
    const reason = inAloud(reader, '.reason')!;
    expect(reason.textContent).to.contain('中文');
    expect(reason.textContent).to.contain('无法朗读');
    expect(reason.getBoundingClientRect().width).to.be.greaterThan(0);
  });

  it('is hidden, with the reason, in a browser without speech; in English in an English UI', async () => {
    install(undefined);
    const reader = await openReader('a1');
    expect(inAloud(reader, '.reason')!.textContent).to.contain('此浏览器不支持朗读');
    reader.lang = 'en';
    await reader.updateComplete;
    await aloudOf(reader).updateComplete;
    expect(inAloud(reader, '.reason')!.textContent).to.contain('cannot read aloud');
  });

  it('shows the controls once the voices arrive late', async () => {
    const synth = install([])!;
    const reader = await openReader('a1');
    expect(inAloud(reader, '.play')).to.equal(null);
    synth.voices = [voice('zh-CN')];
    synth.dispatchEvent(new Event('voiceschanged'));
    await aloudOf(reader).updateComplete;
    expect(inAloud(reader, '.play')).not.to.equal(null);
  });
});
