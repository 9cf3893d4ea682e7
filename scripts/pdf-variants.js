// The ground truth of `e-paper import pdf`: editions made from the shipped A1 page whose every
// article box and text are known, printed to PDF by scripts/make-pdf-fixtures.mjs. A1 as it is,
// and re-laid-out variants (other column placement and counts, boxed articles, an L-shaped
// article, an article continued on another page). None of them is a real page of the paper:
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
 * The variants, each `{ name, edition, truth, what }`: `edition` is what is printed, `truth` the
 * articles and regions the importer should find (the same, but for the jump lines a continued
 * article prints, which are not its text).
 */
export function pdfVariants(a1) {
  const out = [];
  const add = (name, what, edition, truth = edition) => out.push({ name, what, edition, truth });
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
  const jumped = variant(a1, 'continued', (page, edition) => {
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
          parts: ['headline', 'body'],
          paragraphs: [4, 9],
        },
        ...page.blocks
          .filter((b) => b.kind === 'article' && ['a3', 'a4'].includes(b.article))
          .map((b) => ({ ...b, article: `${b.article}-a2` })),
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
  add('continued', 'an article continued on A2 (下转A2版 / 上接A1版), two pages', jumped, truth);
  return out;
}
