import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { articlesOnPage } from '../../../src/edition/regions.js';
import { regionLabel } from '../../../src/elements/e-paper-page/region-layer.js';
import { A1_URL, loadA1, mountViewer } from '../../helpers.js';

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
});
