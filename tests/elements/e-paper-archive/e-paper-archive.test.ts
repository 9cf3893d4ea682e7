// The date picker, driven with real keys and clicks. The archive: 60 days to 8 January 2021 from
// the test server's /fixtures/ routes, every 7th day without a paper (2021-01-02, 2020-12-26, …).
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';
import { EPaperArchive, type ArchiveSelectDetail } from '../../../src/elements/e-paper-archive/e-paper-archive.js';
import { loadArchive } from '../../../src/edition/archive/load-archive.js';
import type { Archive } from '../../../src/edition/archive/archive-schema.js';

if (!customElements.get('e-paper-archive')) customElements.define('e-paper-archive', EPaperArchive);

const axe = (window as unknown as { axe: typeof AxeCore }).axe;
const srcOf = (date: string) => `${location.origin}/fixtures/edition/${date}.json`;

let archive: Archive;
before(async () => {
  archive = await loadArchive('/fixtures/archive.json?days=60&last=2021-01-08');
});
afterEach(async () => {
  await resetMouse();
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ reducedMotion: 'no-preference' });
});

function center(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}
const click = (node: Element) => sendMouse({ type: 'click', position: center(node) });

async function picker(date = '2021-01-08', uiLang = 'zh-CN') {
  const el = await fixture<EPaperArchive>(html`<e-paper-archive .archive=${archive} date=${date} .lang=${uiLang}></e-paper-archive>`);
  const selects: ArchiveSelectDetail[] = [];
  el.addEventListener('e-paper-archive-select', (event) => selects.push(event.detail));
  const $ = <T extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<T & HTMLElement>(selector)!;
  const day = (d: string) => $(`td[data-date="${d}"]`);
  const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
  const open = async () => {
    await click($('.date'));
    await el.updateComplete;
    expect($('[role="dialog"]'), 'the calendar is open').to.exist;
  };
  return { el, selects, $, day, focused, open };
}

describe('<e-paper-archive>', () => {
  it('shows the date in zh-CN and in English, and names its buttons', async () => {
    const { el, $ } = await picker();
    expect($('.date').innerText.trim(), 'the long form outside a narrow viewer').to.equal('2021年1月8日 星期五');
    expect([$('.prev').getAttribute('aria-label'), $('.next').getAttribute('aria-label')]).to.deep.equal(['上一期', '下一期']);
    expect($('.date').getAttribute('aria-haspopup')).to.equal('dialog');
    el.lang = 'en';
    await el.updateComplete;
    expect($('.date').innerText.trim()).to.equal('Fri 8 Jan 2021');
    expect([$('.prev').getAttribute('aria-label'), $('.next').getAttribute('aria-label')]).to.deep.equal([
      'Previous edition',
      'Next edition',
    ]);
    await click($('.date'));
    await el.updateComplete;
    expect($('#heading').textContent!.trim()).to.equal('January 2021');
    expect([...el.shadowRoot!.querySelectorAll('th')].map((th) => th.textContent!.trim())).to.deep.equal([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ]);
    expect($('th').getAttribute('abbr')).to.equal('Monday');
    expect($('td[data-date="2021-01-08"]').getAttribute('aria-label')).to.equal('Fri 8 Jan 2021');
  });

  it('opens the calendar on the shown day; arrows and Enter choose another day', async () => {
    const { el, $, day, focused, open, selects } = await picker();
    await open();
    const dialog = $('[role="dialog"]');
    expect(dialog.getAttribute('aria-modal')).to.equal('false');
    expect(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent!.trim()).to.equal('2021年1月');
    expect($('.date').getAttribute('aria-expanded')).to.equal('true');
    expect($('table').getAttribute('role')).to.equal('grid');
    expect([...el.shadowRoot!.querySelectorAll('th')].map((th) => th.textContent!.trim())).to.deep.equal([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '日',
    ]);
    expect(focused()).to.equal(day('2021-01-08'));
    expect(day('2021-01-08').getAttribute('aria-selected')).to.equal('true');
    expect(day('2021-01-08').getAttribute('aria-current')).to.equal('date');
    expect(el.shadowRoot!.querySelectorAll('td[tabindex="0"]')).to.have.length(1);

    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()).to.equal(day('2021-01-07'));
    expect(day('2021-01-07').tabIndex).to.equal(0);
    expect(day('2021-01-08').tabIndex).to.equal(-1);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal(day('2020-12-31'));
    expect($('#heading').textContent!.trim()).to.equal('2020年12月');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()).to.equal(day('2021-01-06'));
    await sendKeys({ press: 'ArrowRight' });
    expect(selects).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    expect(selects).to.deep.equal([{ date: '2021-01-07', src: srcOf('2021-01-07') }]);
    await el.updateComplete;
    expect($('[role="dialog"]')).to.not.exist;
    expect(focused()).to.equal($('.date'));
    expect(el.date).to.equal('2021-01-07');
    expect($('.date').innerText.trim()).to.equal('2021年1月7日 星期四');

    // Space chooses as well; a real click on a day too.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused()).to.equal(day('2021-01-07'));
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Space' });
    expect(selects.at(-1)).to.deep.equal({ date: '2021-01-06', src: srcOf('2021-01-06') });
    await open();
    await click(day('2021-01-04'));
    expect(selects.at(-1)).to.deep.equal({ date: '2021-01-04', src: srcOf('2021-01-04') });
    expect(selects).to.have.length(3);
  });

  it('shows days without an edition, but they cannot be chosen', async () => {
    const { $, day, focused, open, selects } = await picker();
    await open();
    const gap = day('2021-01-02');
    expect(gap.getAttribute('aria-disabled')).to.equal('true');
    expect(day('2021-01-01').hasAttribute('aria-disabled')).to.equal(false);
    // After the last edition: shown, disabled.
    expect(day('2021-01-20').getAttribute('aria-disabled')).to.equal('true');
    expect(Number(getComputedStyle(gap).opacity)).to.be.below(1);
    expect(getComputedStyle(gap).fontWeight).to.not.equal(getComputedStyle(day('2021-01-01')).fontWeight);

    await click(gap);
    expect(selects).to.deep.equal([]);
    expect($('[role="dialog"]'), 'still open').to.exist;
    // The keyboard reaches it, and Enter does nothing there.
    expect(focused()).to.equal(gap);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(selects).to.deep.equal([]);
    expect($('[role="dialog"]')).to.exist;
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Enter' });
    expect(selects).to.deep.equal([{ date: '2021-01-01', src: srcOf('2021-01-01') }]);
  });

  it('moves by week ends, months and years, within the archive’s months', async () => {
    const { $, day, focused, open } = await picker('2021-01-07');
    await open();
    expect(focused()).to.equal(day('2021-01-07'));
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(day('2021-01-04'));
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(day('2021-01-10'));
    await sendKeys({ press: 'PageUp' });
    expect(focused()).to.equal(day('2020-12-10'));
    expect($('#heading').textContent!.trim()).to.equal('2020年12月');
    await sendKeys({ press: 'PageDown' });
    expect(focused()).to.equal(day('2021-01-10'));
    // A year back is before the archive: the first day of its first month (November 2020).
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal(day('2020-11-01'));
    expect($('#heading').textContent!.trim()).to.equal('2020年11月');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()).to.equal(day('2020-11-01'));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal(day('2021-01-31'));
  });

  it('steps months with its buttons, disabled beyond the archive’s months', async () => {
    const { el, $, open } = await picker();
    await open();
    const [previous, next] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.head button');
    expect(previous.getAttribute('aria-label')).to.equal('上个月');
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    await click(next);
    await el.updateComplete;
    expect($('#heading').textContent!.trim()).to.equal('2021年1月');
    await click(previous);
    await click(previous);
    await el.updateComplete;
    expect($('#heading').textContent!.trim()).to.equal('2020年11月');
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    await click(previous);
    await el.updateComplete;
    expect($('#heading').textContent!.trim()).to.equal('2020年11月');
    expect(el.shadowRoot!.activeElement).to.equal(previous);
  });

  it('chooses the previous and next edition, skipping days without one, disabled at the ends', async () => {
    const { el, $, focused, selects } = await picker('2021-01-03');
    await click($('.prev'));
    expect(selects).to.deep.equal([{ date: '2021-01-01', src: srcOf('2021-01-01') }]);
    await el.updateComplete;
    expect(el.date).to.equal('2021-01-01');
    await click($('.next'));
    await click($('.next'));
    expect(selects.map((s) => s.date)).to.deep.equal(['2021-01-01', '2021-01-03', '2021-01-04']);

    el.date = '2021-01-08';
    await el.updateComplete;
    expect($('.next').getAttribute('aria-disabled')).to.equal('true');
    await click($('.next'));
    expect(selects).to.have.length(3);
    expect(focused(), 'a disabled button keeps focus').to.equal($('.next'));
    await sendKeys({ press: 'Enter' });
    expect(selects).to.have.length(3);

    el.date = archive.editions[0].date;
    await el.updateComplete;
    expect($('.prev').getAttribute('aria-disabled')).to.equal('true');
    expect($('.next').getAttribute('aria-disabled')).to.equal('false');
    await click($('.prev'));
    expect(selects).to.have.length(3);
  });

  it('leaves date alone when the event is cancelled', async () => {
    const { el, $, selects } = await picker();
    el.addEventListener('e-paper-archive-select', (event) => event.preventDefault());
    await click($('.prev'));
    await el.updateComplete;
    expect(selects.map((s) => s.date)).to.deep.equal(['2021-01-07']);
    expect(el.date).to.equal('2021-01-08');
  });

  it('closes on Escape, giving focus back to the date button, and on a click outside', async () => {
    const { el, $, focused, open, selects } = await picker();
    await open();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($('[role="dialog"]')).to.not.exist;
    expect(focused()).to.equal($('.date'));
    expect($('.date').getAttribute('aria-expanded')).to.equal('false');
    expect(selects).to.deep.equal([]);

    await open();
    const r = el.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.right + 200), Math.round(r.top + 5)] });
    await el.updateComplete;
    expect($('[role="dialog"]')).to.not.exist;
    expect(selects).to.deep.equal([]);

    // Tab out of the calendar closes it as well.
    await open();
    const outside = document.createElement('button');
    outside.textContent = 'elsewhere';
    el.after(outside);
    try {
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(document.activeElement).to.equal(outside);
      expect($('[role="dialog"]')).to.not.exist;
    } finally {
      outside.remove();
    }
  });

  it('shows that an edition is loading and stays usable', async () => {
    const { el, $, selects } = await picker();
    expect($('[role="status"]').textContent!.trim()).to.equal('');
    el.busy = true;
    await el.updateComplete;
    expect($('[role="status"]').textContent!.trim()).to.equal('载入中…');
    expect($('.spinner')).to.exist;
    expect($('.prev').getAttribute('aria-disabled')).to.equal('false');
    await click($('.prev'));
    await click($('.prev'));
    expect(selects.map((s) => s.date)).to.deep.equal(['2021-01-07', '2021-01-06']);
    await click($('.date'));
    await el.updateComplete;
    expect($('[role="dialog"]')).to.exist;
  });

  it('is a full-width sheet on a narrow screen, and keeps still for reduced motion', async () => {
    await setViewport({ width: 400, height: 700 });
    const { $, open } = await picker();
    await open();
    await Promise.all(
      $('[role="dialog"]')
        .getAnimations()
        .map((animation) => animation.finished),
    );
    const rect = $('[role="dialog"]').getBoundingClientRect();
    expect(Math.round(rect.width)).to.equal(document.documentElement.clientWidth);
    expect(Math.round(rect.bottom)).to.equal(document.documentElement.clientHeight);
    expect(getComputedStyle($('[role="dialog"]')).animationName).to.equal('pop');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle($('[role="dialog"]')).animationName).to.equal('none');
  });

  it('renders nothing without an archive', async () => {
    const el = await fixture<EPaperArchive>(html`<e-paper-archive date="2021-01-08"></e-paper-archive>`);
    expect(el.shadowRoot!.querySelector('button')).to.not.exist;
    el.archive = archive;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(3);
  });

  for (const lang of ['zh-CN', 'en']) {
    it(`has no axe violations with the calendar open (${lang})`, async () => {
      const { el, open } = await picker('2021-01-08', lang);
      el.busy = true;
      await open();
      // Measured after the calendar's fade-in: mid-way its text is paler than it ends.
      await Promise.all(
        el
          .shadowRoot!.getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished),
      );
      const results = await axe.run(el, { resultTypes: ['violations'] });
      expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`))).to.deep.equal(
        [],
      );
    });
  }
});
