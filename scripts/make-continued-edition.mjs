// Writes demo/editions/continued-test.json: a TEST edition made from the A1 page's articles, NOT
// the paper's real layout. Its lead story (a2) is cut after its third paragraph on A1 and goes on
// on an invented page A2 (转第2版 / 上接第1版), to show and test continued articles. Run it again
// after the A1 edition changes: node scripts/make-continued-edition.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const source = 'demo/editions/zhuzhou-daily-2021-01-08.json';
const out = 'demo/editions/continued-test.json';
const a1 = JSON.parse(readFileSync(source, 'utf8'));
const lead = 'a2';
const cut = 3;
const page = a1.pages[0];
const article = a1.articles.find((a) => a.id === lead);
if (!article || article.paragraphs.length <= cut) throw new Error(`${source}: no article ${lead} of more than ${cut} paragraphs`);

const first = {
  ...page,
  blocks: page.blocks.map((block) => (block.kind === 'article' && block.article === lead ? { ...block, paragraphs: [0, cut] } : block)),
  jumps: [{ article: lead, to: 'A2', text: '（转第2版）' }],
};
const second = {
  id: 'A2',
  label: 'A2',
  section: '测试版面',
  width: page.width,
  height: 640,
  blocks: [
    {
      kind: 'article',
      article: lead,
      rect: { x: 60, y: 60, w: page.width - 120, h: 520 },
      parts: ['headline', 'body'],
      paragraphs: [cut, article.paragraphs.length],
      columns: 4,
      headlineSize: 48,
    },
  ],
  jumps: [{ article: lead, from: 'A1', text: '（上接第1版）' }],
};
const edition = {
  ...a1,
  id: `continued-test-${a1.date}`,
  title: `${a1.title}（测试版）`,
  issue: '测试版面：转版文章示例，非本报原版式',
  pageCount: 2,
  pages: [first, second],
};
writeFileSync(out, `${JSON.stringify(edition, null, 2)}\n`);
console.log(`wrote ${out}`);
