import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { regionsOf } from '../../../src/edition/regions.js';
import { editionFontFamily } from '../../../src/edition/fonts.js';
import { A1_URL, deepQuery, loadA1, nextEvent } from '../../helpers.js';

interface Box {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The A1 page drawn with its own web fonts, measured in page units (the sheet is unscaled inside). */
async function drawnPage() {
  const host = document.createElement('div');
  document.body.append(host);
  const ready = nextEvent(host, 'e-paper-ready');
  const el = await fixture<EPaper>(html`<e-paper style="width: 1000px; height: 1400px" src=${A1_URL}></e-paper>`, { parentNode: host });
  await ready;
  await document.fonts.ready;
  const sheet = deepQuery<HTMLElement>(el, 'e-paper-page', '.page')!;
  const blocks: Box[] = [...sheet.querySelectorAll<HTMLElement>('.block')].map((block) => ({
    name: block.dataset.articleId ?? block.className,
    x: block.offsetLeft,
    y: block.offsetTop,
    w: block.offsetWidth,
    h: block.offsetHeight,
  }));
  return { el, sheet, blocks };
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

describe('the A1 page layout, measured in Chromium with the edition fonts', () => {
  it('draws with the fonts the edition ships, not the machine’s', async () => {
    const edition = await loadA1();
    expect(edition.fonts?.length, 'the edition ships fonts').to.be.greaterThan(0);
    await drawnPage();
    for (const role of ['body', 'headline', 'masthead'] as const) {
      const family = editionFontFamily(edition, role);
      const faces = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family);
      expect(faces.length, `${role} faces`).to.be.greaterThan(0);
      expect(
        faces.every((face) => face.status === 'loaded'),
        `${role} loaded`,
      ).to.equal(true);
    }
  });

  it('lets no article text overflow its block', async () => {
    const { sheet } = await drawnPage();
    const overflowing = [...sheet.querySelectorAll<HTMLElement>('.block, .block .body')]
      .filter((node) => node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1)
      .map((node) => node.closest<HTMLElement>('.block')!.dataset.articleId ?? node.className);
    expect(overflowing).to.deep.equal([]);
  });

  it('overlaps no two blocks', async () => {
    const { blocks } = await drawnPage();
    const clashes: string[] = [];
    blocks.forEach((a, i) => blocks.slice(i + 1).forEach((b) => overlap(a, b) > 0 && clashes.push(`${a.name} × ${b.name}`)));
    expect(clashes).to.deep.equal([]);
  });

  it('keeps every block inside the page', async () => {
    const { sheet, blocks } = await drawnPage();
    const outside = blocks.filter((b) => b.x < 0 || b.y < 0 || b.x + b.w > sheet.offsetWidth || b.y + b.h > sheet.offsetHeight);
    expect(outside.map((b) => b.name)).to.deep.equal([]);
  });

  it('gives every article a region on the page, in reading order', async () => {
    const edition = await loadA1();
    const { el } = await drawnPage();
    const expected = regionsOf(edition.pages[0], edition).map((r) => r.article);
    expect(new Set(expected)).to.deep.equal(new Set(edition.articles.map((a) => a.id)));
    const drawn = [...deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelectorAll<SVGGElement>('.region')].map((g) => g.dataset.articleId);
    expect(drawn).to.deep.equal(expected);
  });

  it('fills every article block: its columns end within three lines of its foot', async () => {
    const { sheet } = await drawnPage();
    const short: string[] = [];
    let measured = 0;
    for (const block of sheet.querySelectorAll<HTMLElement>('.article')) {
      const body = block.querySelector<HTMLElement>('.body')!;
      const line = parseFloat(getComputedStyle(body).lineHeight);
      // The foot of each column: the lowest line box of the paragraphs' fragments in it.
      const feet = new Map<number, number>();
      for (const p of body.querySelectorAll('p'))
        for (const r of p.getClientRects()) feet.set(Math.round(r.left), Math.max(feet.get(Math.round(r.left)) ?? 0, r.bottom));
      const scale = block.getBoundingClientRect().height / block.offsetHeight;
      const gap = (block.getBoundingClientRect().bottom - Math.max(...feet.values())) / scale;
      measured++;
      if (gap >= 3 * line) short.push(`${block.dataset.articleId}: ${Math.round(gap)} units (${(gap / line).toFixed(1)} lines)`);
    }
    expect(measured).to.equal(10);
    expect(short).to.deep.equal([]);
  });

  it('sets the footer as the source has it: the prompt, and the three channels across the strip', async () => {
    const edition = await loadA1();
    const { sheet } = await drawnPage();
    const footer = sheet.querySelector<HTMLElement>('.footer')!;
    expect(footer.querySelector('.prompt')!.textContent).to.equal(edition.footer!.prompt);
    const items = [...footer.querySelectorAll<HTMLElement>('.channels li')];
    expect(items.map((li) => li.querySelector('.name')!.textContent)).to.deep.equal(edition.footer!.channels!.map((c) => c.name));
    // Spread over the strip, not huddled at its start: the last channel ends in its last fifth.
    const strip = footer.getBoundingClientRect();
    const last = items.at(-1)!.getBoundingClientRect();
    expect((last.right - strip.left) / strip.width).to.be.above(0.8);
    // The channel names are set larger than captions: they are what a reader looks for.
    expect(parseFloat(getComputedStyle(items[0].querySelector('.name')!).fontSize)).to.be.at.least(20);
  });

  it('lays an article body out once: a flex basis of 0, and every box and line where a basis of its content puts them', async () => {
    const { sheet } = await drawnPage();
    const bodies = [...sheet.querySelectorAll<HTMLElement>('.article .body')];
    expect(bodies.length).to.equal(10);
    // A content basis would have the flex container lay the balanced columns out twice (once to
    // measure them): the first render's longest step.
    for (const body of bodies) expect(getComputedStyle(body).flexBasis, body.parentElement!.dataset.articleId).to.equal('0px');
    const boxes = () => {
      const out: string[] = [];
      for (const el of sheet.querySelectorAll<HTMLElement>('.article, .article *'))
        out.push(`${el.className} ${el.offsetTop} ${el.offsetHeight}`);
      for (const p of sheet.querySelectorAll('.body p'))
        for (const r of p.getClientRects()) out.push(`${r.left} ${r.top} ${r.width} ${r.height}`);
      return out;
    };
    const now = boxes();
    for (const body of bodies) body.style.flexBasis = 'auto';
    try {
      expect(boxes()).to.deep.equal(now);
    } finally {
      for (const body of bodies) body.style.flexBasis = '';
    }
  });

  it('shows the missing photo as a plain, quiet tone, not a hatched sketch', async () => {
    const { sheet } = await drawnPage();
    const placeholder = sheet.querySelector<HTMLElement>('.photo .placeholder')!;
    const style = getComputedStyle(placeholder);
    expect(style.backgroundImage).to.equal('none');
    expect(style.backgroundColor).not.to.equal(getComputedStyle(sheet).backgroundColor);
    expect(placeholder.getAttribute('aria-label')).to.contain('国声声学生产车间');
  });
});
