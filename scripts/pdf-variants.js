// The ground truth of `e-paper import pdf`: editions made from the shipped A1 page whose every
// article box and text are known, printed to PDF by scripts/make-pdf-fixtures.mjs. A1 as it is,
// and re-laid-out variants (other column placement and counts, boxed articles, an L-shaped
// article, an article continued on another page, vertical headlines, a page of advertisements). None of them is a real page of the paper:
// each variant says so in its section. Plain JS without DOM.

const TEST_SECTION = '测试版面（A1 的改排，非真实版面）';

const clone = (value) => JSON.parse(JSON.stringify(value));

/** The page with its blocks changed by `edit`, under a test id and section. */
function variant(a1, id, edit) {
  const edition = clone(a1);
  const page = edition.pages[0];
  edit(page, edition);
  if (id !== 'a1') page.section = TEST_SECTION;
  edition.id = `${a1.id}-${id}`;
  return edition;
}

/**
 * The variants, each `{ name, edition, truth, what, css? }`: `edition` is what is printed, `truth`
 * the articles and regions the importer should find (the same, but for the jump lines a continued
 * article prints, which are not its text), `css` what the printed page adds to the page's own
 * styles (a vertical headline, which the edition format does not describe).
 */
export function pdfVariants(a1) {
  const out = [];
  const add = (name, what, edition, truth = edition, css = undefined) => out.push({ name, what, edition, truth, css });
  add(
    'a1',
    'A1 as printed',
    variant(a1, 'a1', () => {}),
  );
  add(
    'mirrored',
    'A1 mirrored left to right: the lead story and the masthead on the right, the narrow columns on the left',
    variant(a1, 'mirrored', (page) => {
      for (const block of page.blocks) block.rect.x = page.width - block.rect.x - block.rect.w;
    }),
  );
  add(
    'columns',
    'other column counts: every article set in one column more or one fewer than on A1',
    variant(a1, 'columns', (page) => {
      page.blocks.forEach((block, i) => {
        if (block.kind === 'article' && block.columns) block.columns = Math.max(2, block.columns + (i % 2 ? 1 : -1));
      });
    }),
  );
  add(
    'boxed',
    'boxed articles: four articles in a double frame',
    variant(a1, 'boxed', (page) => {
      for (const block of page.blocks) if (block.kind === 'article' && ['a1', 'a4', 'a7', 'a9'].includes(block.article)) block.boxed = true;
    }),
  );
  add(
    'l-shape',
    'an L-shaped article: a6 runs on below its photo into the column a7 stood in, a7 left out',
    variant(a1, 'l-shape', (page, edition) => {
      edition.articles = edition.articles.filter((a) => a.id !== 'a7');
      page.blocks = page.blocks.filter((b) => b.article !== 'a7');
      const [, right] = page.blocks.filter((b) => b.article === 'a6');
      right.paragraphs = [6, 8];
      page.blocks.push({
        kind: 'article',
        article: 'a6',
        rect: { x: 772.5, y: 1830, w: 455, h: 849 },
        columns: 2,
        parts: ['body'],
        paragraphs: [8, 10],
      });
    }),
  );
  // An article continued on page A2: A1 prints its first paragraphs and a jump line, A2 its
  // headline again, a jump line back and the rest.
  add('continued', 'an article continued on A2 (下转A2版 / 上接A1版), two pages', ...continued(a1, 'continued'));
  // The same, but A2 prints the rest without a headline of its own, the jump line on top of its
  // block, and another article's headline stands level with it on its right.
  add(
    'continued-headless',
    'an article continued on A2 without a headline of its own (上接A1版 on top of its block), another article beside it',
    ...continued(a1, 'continued-headless', { headless: true }),
  );
  add(
    'vertical',
    'a vertical headline (竖排标题): a9 and a1 with their headlines set top to bottom at the right of the article',
    variant(a1, 'vertical', (page, edition) => {
      for (const id of ['a1', 'a9']) {
        const block = page.blocks.find((b) => b.article === id);
        block.headlineSize = 40;
        block.columns = 2;
      }
      // Less text, so that what stands beside the headline still fits its box.
      const a9 = edition.articles.find((a) => a.id === 'a9');
      a9.paragraphs = a9.paragraphs.slice(0, 3);
    }),
    undefined,
    VERTICAL_CSS,
  );
  add(
    'full-fonts',
    'A1 set in full CJK fonts (Noto CJK from fontconfig) instead of its font slices, as a layout system embeds its fonts: the PDF maps many ideographs to radicals',
    variant(a1, 'full-fonts', (page, edition) => {
      delete edition.fonts;
    }),
  );
  add('ads', 'a page of advertisements (广告版): six advertisements, each marked 广告, and the footer', adsPage(a1));
  return out;
}

/** Printed only: the headlines of a1 and a9 set vertically (writing-mode), at the right of their articles. */
const VERTICAL_CSS = ['a1', 'a9']
  .map(
    (id) => `
  article[data-article-id='${id}'] { display: grid; grid-template-columns: 1fr auto; grid-template-rows: auto 1fr; column-gap: 18px; }
  article[data-article-id='${id}'] .headline { grid-column: 2; grid-row: 1 / span 9; writing-mode: vertical-rl; max-height: 100%; }
  article[data-article-id='${id}'] .kicker, article[data-article-id='${id}'] .bylines { grid-column: 1; }
  article[data-article-id='${id}'] .body { grid-column: 1; grid-row: 2 / span 8; }`,
  )
  .join('\n');

/**
 * A page of advertisements. Made-up advertisers and offers (测试用，非真实广告), each boxed and
 * marked 广告 as Chinese law asks of every advertisement in a newspaper (广告法 第十四条).
 */
function adsPage(a1) {
  const ads = [
    [
      '湘江商城 新春好礼',
      ['全场家电、家具、服装一律八折，满一千元再减一百元。', '活动时间：1月8日至2月10日。地址：株洲市示例路1号（测试用，非真实广告）。'],
    ],
    ['株洲车展 开年大展', ['百余款新车同场展出，现场订车赠送保养三次。', '地址：株洲国际会展中心（测试用，非真实广告）。']],
    ['健康体检 关爱家人', ['新年体检套餐，含血常规、心电图等十二项，预约电话：0731-00000000。', '测试用，非真实广告。']],
    ['湘赣红色游', ['三日游，含交通、住宿、门票，每人九百八十元。', '测试用，非真实广告。']],
    ['新年好礼 送家人', ['湘莲、茶油、腊味礼盒，全市送货上门。', '测试用，非真实广告。']],
    ['招聘', ['某企业招聘电工、司机、文员各五名，待遇面议。', '电话：0731-00000001（测试用，非真实广告）。']],
  ];
  const rects = [
    { x: 60, y: 50, w: 1880, h: 900 },
    { x: 60, y: 970, w: 930, h: 800 },
    { x: 1010, y: 970, w: 930, h: 800 },
    { x: 60, y: 1790, w: 610, h: 910 },
    { x: 690, y: 1790, w: 610, h: 910 },
    { x: 1320, y: 1790, w: 620, h: 910 },
  ];
  return variant(a1, 'ads', (page, edition) => {
    page.id = 'A16';
    page.label = 'A16';
    edition.articles = ads.map(([headline, paragraphs], i) => ({
      id: `ad${i + 1}`,
      kind: 'advertisement',
      banner: '广告',
      headline,
      paragraphs,
      photos: [{ aspect: [3.6, 1.9, 1.9, 1.05, 1.05, 1.05][i] }],
    }));
    page.blocks = [
      ...rects.map((rect, i) => ({
        kind: 'article',
        article: `ad${i + 1}`,
        rect,
        columns: 1,
        headlineSize: i === 0 ? 120 : 64,
        align: 'center',
        boxed: true,
      })),
      page.blocks.find((b) => b.kind === 'footer'),
    ];
  });
}

/**
 * A1 with a5 cut after three paragraphs (（下转A2版）) and continued on a page A2 (（上接A1版）),
 * with a3 and a4 moved there: `[edition, truth]`, the truth without the jump lines as text.
 * `headless`: A2 prints a5's rest without its headline, and a3 level with it on its right.
 */
function continued(a1, id, { headless = false } = {}) {
  const jumped = variant(a1, id, (page, edition) => {
    edition.pageCount = 2;
    const a5 = edition.articles.find((a) => a.id === 'a5');
    const a5Block = page.blocks.find((b) => b.article === 'a5');
    a5.paragraphs = [...a5.paragraphs.slice(0, 3), '（下转A2版）', '（上接A1版）', ...a5.paragraphs.slice(3)];
    a5Block.paragraphs = [0, 4];
    const second = {
      id: 'A2',
      label: 'A2',
      section: TEST_SECTION,
      width: page.width,
      height: page.height,
      blocks: [
        {
          kind: 'article',
          article: 'a5',
          rect: { x: 60, y: 50, w: 692.5, h: 700 },
          columns: 3,
          headlineSize: 44,
          parts: headless ? ['body'] : ['headline', 'body'],
          paragraphs: [4, 9],
        },
        ...page.blocks
          .filter((b) => b.kind === 'article' && ['a3', 'a4'].includes(b.article))
          .map((b) => ({
            ...b,
            article: `${b.article}-a2`,
            ...(headless && b.article === 'a3' && { rect: { ...b.rect, x: 772.5, y: 50, w: 1167.5 } }),
          })),
        { kind: 'footer', rect: { x: 60, y: 2720, w: 1880, h: 100 } },
      ],
    };
    for (const id of ['a3', 'a4']) edition.articles.push({ ...edition.articles.find((a) => a.id === id), id: `${id}-a2` });
    page.blocks = page.blocks.filter((b) => !['a3', 'a4'].includes(b.article));
    edition.articles = edition.articles.filter((a) => !['a3', 'a4'].includes(a.id));
    edition.pages.push(second);
  });
  const truth = clone(jumped);
  const a5 = truth.articles.find((a) => a.id === 'a5');
  a5.paragraphs = a5.paragraphs.filter((p) => !/^（[上下]接|^（[下]?转/.test(p));
  // The jump lines are the pages' jumps, not text.
  truth.pages[0].jumps = [{ article: 'a5', to: 'A2', text: '（下转A2版）' }];
  truth.pages[1].jumps = [{ article: 'a5', from: 'A1', text: '（上接A1版）' }];
  return [jumped, truth];
}
