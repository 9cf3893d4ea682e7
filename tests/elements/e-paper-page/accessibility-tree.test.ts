import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { articlesOnPage } from '../../../src/edition/regions.js';
import { regionLabel } from '../../../src/elements/e-paper-page/region-layer.js';
import type { Edition } from '../../../src/edition/schema.js';
import { A1_URL, deepQuery, loadA1, mountViewer } from '../../helpers.js';

const SCAN_URL = new URL('../../../demo/editions/zhuzhou-daily-2021-01-08-scan.json', import.meta.url).href;

/** A node of Chromium's accessibility tree (scripts/wtr-ax-plugin.js). */
type AxNode = { id: string; role: string; name: string; ignored: boolean; children: string[] };

/** Chromium's tree as a screen reader gets it: ignored nodes are skipped, their children lifted. */
async function axTree() {
  const nodes = (await executeServerCommand('ax-tree')) as AxNode[];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kids = (node: AxNode): AxNode[] =>
    node.children.flatMap((id) => {
      const child = byId.get(id);
      return !child ? [] : child.ignored ? kids(child) : [child];
    });
  const parent = new Map<AxNode, AxNode>();
  for (const node of nodes) for (const child of kids(node)) parent.set(child, node);
  const ancestors = (node: AxNode) => {
    const out: AxNode[] = [];
    for (let up = parent.get(node); up; up = parent.get(up)) out.push(up);
    return out;
  };
  return { nodes: nodes.filter((n) => !n.ignored), kids, ancestors };
}

/** Without the Unicode isolates that keep edition text apart in a sentence. */
const bare = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

describe('the page to assistive technology', () => {
  afterEach(() => document.querySelectorAll('e-paper').forEach((el) => el.remove()));

  for (const [lang, written] of [
    ['zh-CN', '株洲日报 2021年1月8日 电子版'],
    ['zh-Hant', '株洲日报 2021年1月8日 電子版'],
    ['en', '株洲日报, January 8, 2021, e-paper edition'],
  ]) {
    it(`names the viewer with the date as ${lang} writes it`, async () => {
      await mountViewer<EPaper>((el) => {
        el.noPersist = true;
        el.lang = lang;
        el.src = A1_URL;
      });
      const { nodes } = await axTree();
      const regions = nodes.filter((n) => n.role === 'region').map((n) => bare(n.name));
      expect(regions).to.include(written);
      expect(regions.join(' ')).not.to.contain('2021-01-08');
    });
  }

  it('reads the regions as a list of the page’s articles, in reading order, outside any image', async () => {
    const edition = await loadA1();
    await mountViewer<EPaper>((el) => {
      el.noPersist = true;
      el.src = A1_URL;
    });
    const { nodes, kids, ancestors } = await axTree();
    const list = nodes.find((n) => n.role === 'list' && bare(n.name) === 'A1 版文章');
    expect(list, 'a list named after the page').to.exist;
    const items = kids(list!);
    expect(items.map((n) => n.role)).to.deep.equal(Array(9).fill('listitem'));
    const buttons = items.map((item) => kids(item).filter((n) => n.role === 'button'));
    expect(buttons.map((b) => b.length)).to.deep.equal(Array(9).fill(1));
    const expected = articlesOnPage(edition, edition.pages[0]).map(regionLabel);
    expect(buttons.map(([b]) => b.name)).to.deep.equal(expected);
    // Chromium exposes a bare <svg> as an image (role SvgRoot or image): no button sits in one.
    for (const [button] of buttons)
      expect(
        ancestors(button)
          .filter((n) => ['SvgRoot', 'image', 'img'].includes(n.role))
          .map((n) => n.role),
      ).to.deep.equal([]);
  });

  it('reads each article’s text once: its region names it, the page’s copy of its text is not read again', async () => {
    const edition = await loadA1();
    const el = await mountViewer<EPaper>((el) => {
      el.noPersist = true;
      el.src = A1_URL;
    });
    const { nodes } = await axTree();
    const page = nodes.filter((n) => n.role === 'StaticText' || n.role === 'heading' || n.role === 'button').map((n) => bare(n.name));
    const articles = articlesOnPage(edition, edition.pages[0]);
    // Before: the headline as a heading and its text, then again as the button's name; the body once on the page.
    const heard = articles.map((a) => page.filter((name) => name.includes(a.headline)).length);
    expect(heard, 'times each headline is heard').to.deep.equal(articles.map(() => 1));
    const bodies = articles.flatMap((a) => a.paragraphs.map((p) => p.slice(0, 16)));
    expect(
      bodies.filter((start) => page.some((name) => name.includes(start))),
      'body text heard on the page',
    ).to.deep.equal([]);
    // What is no article is still read: the masthead, the ear, the footer.
    expect(page).to.include.members(['ZHUZHOU DAILY', '今日城区天气：雨夹雪转阴']);
    // The text is still on the page for the eye and for a search: only hidden from the tree.
    const block = deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelector<HTMLElement>('[part~="article"]')!;
    expect(block.textContent!.length).to.be.greaterThan(20);
    expect(block.getBoundingClientRect().width).to.be.greaterThan(0);
  });

  it('reads a scan page’s text layer only outside the articles, whose regions lead to their text', async () => {
    const edition = (await (await fetch(SCAN_URL)).json()) as Edition;
    const page = edition.pages[0];
    const base = new URL('.', SCAN_URL).href;
    page.scan!.src = new URL(page.scan!.src, base).href;
    page.scan!.srcset = page.scan!.srcset?.map((s) => ({ ...s, src: new URL(s.src, base).href }));
    page.text = [
      { text: '株洲日报测试行', x: 200, y: 100, w: 600, h: 150 }, // the masthead: no article's
      { text: '中共中央政治局常务委员会召开会议', x: 122, y: 387, w: 1044, h: 68 }, // a2's headline
      { text: '中共中央总书记习近平主持会议', x: 396, y: 544, w: 496, h: 30 }, // a2's subhead
    ];
    const el = await mountViewer<EPaper>((el) => {
      el.noPersist = true;
      el.edition = edition;
    });
    const root = deepQuery(el, 'e-paper-page')!.shadowRoot!;
    for (let i = 0; i < 100 && !root.querySelector('.text-layer span'); i++) await new Promise((r) => setTimeout(r, 20));
    const { nodes } = await axTree();
    const texts = nodes.filter((n) => n.role === 'StaticText').map((n) => bare(n.name));
    expect(texts, 'the masthead line').to.include('株洲日报测试行');
    expect(
      texts.filter((t) => t.includes('中共中央')),
      'a2’s lines',
    ).to.deep.equal([]);
    const buttons = nodes.filter((n) => n.role === 'button').map((n) => bare(n.name));
    expect(buttons).to.include(edition.articles.find((a) => a.id === 'a2')!.headline);
    // Still there to select and to search.
    expect([...root.querySelectorAll('.text-layer span')].map((s) => s.textContent)).to.have.length(3);
  });
});
