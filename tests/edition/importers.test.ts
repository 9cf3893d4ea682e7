import { expect } from '@open-wc/testing';
import { ImportError, importIiifManifest, importImageMap, importMetsAlto, type ImportResult } from '../../src/edition/importers/index.js';
import { EditionError, validateEdition } from '../../src/edition/validate.js';

const fixture = (path: string) => new URL(`../fixtures/importers/${path}`, import.meta.url);
const text = async (path: string) => (await fetch(fixture(path))).text();
const json = async (path: string) => JSON.parse(await text(path)) as Record<string, unknown>;

/** The import's edition passes the validator on its own, too. */
function valid(result: ImportResult): ImportResult {
  expect(() => validateEdition(structuredClone(result.edition))).not.to.throw();
  return result;
}

/** Runs `run` and returns the ImportError it throws; fails the test otherwise. */
function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error, (error as Error).message).to.be.instanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('the importer accepted malformed input');
}

const messages = (result: ImportResult) => result.warnings.map((w) => `${w.path}: ${w.message}`);

describe('importers: IIIF Presentation 3', () => {
  const CANVAS = 'https://example.org/iiif/sample-daily-2021-01-08/canvas';

  it('turns the fixture manifest into a valid scan edition', async () => {
    const result = valid(importIiifManifest(await json('iiif-manifest.json')));
    const { edition } = result;
    expect(edition).to.include({
      id: 'sample-daily-2021-01-08',
      title: '示例日报 2021年1月8日',
      date: '2021-01-08',
      lang: 'zh-CN',
      pageCount: 2,
    });
    expect(edition.articles).to.deep.equal([
      { id: 'r1', headline: '示例文章一', paragraphs: ['示例文章一的第一段。', '示例文章一的第二段。'] },
      { id: 'r2', headline: 'Sample article two', paragraphs: ['Sample article two'] },
    ]);
    expect(edition.pages).to.deep.equal([
      {
        id: 'p1',
        label: 'A1',
        width: 2000,
        height: 3000,
        scan: {
          src: 'iiif/page-1/full/max/0/default.jpg',
          width: 4000,
          height: 6000,
          srcset: [
            { src: 'iiif/page-1/full/1000,/0/default.jpg', width: 1000 },
            { src: 'iiif/page-1/full/max/0/default.jpg', width: 4000 },
          ],
          tiles: { service: 'iiif/page-1' },
        },
        regions: [{ article: 'r1', shapes: [{ rect: { x: 100, y: 200, w: 800, h: 600 } }, { rect: { x: 100, y: 800, w: 1800, h: 400 } }] }],
      },
      {
        id: 'p2',
        label: 'A2',
        width: 2000,
        height: 3000,
        scan: { src: 'page-2.jpg', width: 2000, height: 3000 },
        // percent:10,5,80,25 of a 2000 × 3000 canvas
        regions: [{ article: 'r2', shapes: [{ rect: { x: 200, y: 150, w: 1600, h: 750 } }] }],
      },
    ]);
    expect(result.warnings).to.deep.equal([
      {
        path: 'structures[1]',
        message: 'no summary and no text on its regions: the label stands in as the only paragraph; supply the text',
      },
      { path: 'structures[2].items[0]', message: 'no xywh fragment, range skipped' },
    ]);
  });

  it('reads language maps in the preferred language, then none, then the first given', async () => {
    const manifest = await json('iiif-manifest.json');
    const english = importIiifManifest(manifest, { lang: 'en-GB', id: 'sample-en', date: '2021-01-09' }).edition;
    expect(english).to.include({ id: 'sample-en', title: 'Sample Daily, 8 January 2021', lang: 'en-GB', date: '2021-01-09' });
    expect(english.articles[0].headline).to.equal('Sample article one');
    // r1's summary has only zh-CN: with no match and no "none", the first language given is used.
    expect(english.articles[0].paragraphs).to.deep.equal(['示例文章一的第一段。', '示例文章一的第二段。']);
    const structures = manifest.structures as Record<string, unknown>[];
    structures[1].label = { fr: ['Exemple'], none: ['Sample two (no language)'] };
    expect(importIiifManifest(manifest, { lang: 'de' }).edition.articles[1].headline).to.equal('Sample two (no language)');
  });

  it('reads image services of version 2 (@id, @type) and leaves out the 1000-wide copy of small images', async () => {
    const manifest = await json('iiif-manifest.json');
    const canvases = manifest.items as { items: { items: { body: unknown }[] }[] }[];
    canvases[0].items[0].items[0].body = {
      id: 'iiif2/page-1/full/full/0/default.jpg',
      type: 'Image',
      service: [{ '@id': 'iiif2/page-1/', '@type': 'ImageService2', profile: 'http://iiif.io/api/image/2/level1.json' }],
    };
    canvases[1].items[0].items[0].body = { id: 'iiif/page-2', type: 'ImageService3', width: 800, height: 1200 };
    const [p1, p2] = valid(importIiifManifest(manifest)).edition.pages;
    expect(p1.scan).to.deep.equal({
      src: 'iiif2/page-1/full/max/0/default.jpg',
      srcset: [{ src: 'iiif2/page-1/full/1000,/0/default.jpg', width: 1000 }],
      tiles: { service: 'iiif2/page-1' },
    });
    expect(p2.scan).to.deep.equal({
      src: 'iiif/page-2/full/max/0/default.jpg',
      width: 800,
      height: 1200,
      srcset: [{ src: 'iiif/page-2/full/max/0/default.jpg', width: 800 }],
      tiles: { service: 'iiif/page-2' },
    });
  });

  it('walks nested ranges: a range that only groups others is a table of contents, not an article', async () => {
    const manifest = await json('iiif-manifest.json');
    const [r1, r2] = manifest.structures as unknown[];
    manifest.structures = [
      {
        id: 'https://example.org/range/toc',
        type: 'Range',
        label: { en: ['Contents'] },
        items: [r1, { id: 'https://example.org/range/sec', type: 'Range', items: [r2] }],
      },
    ];
    const result = valid(importIiifManifest(manifest));
    expect(result.edition.articles.map((a) => a.id)).to.deep.equal(['r1', 'r2']);
    expect(messages(result)).to.deep.equal([
      'structures[0].items[1].items[0]: no summary and no text on its regions: the label stands in as the only paragraph; supply the text',
    ]);
  });

  it('reports malformed and out-of-canvas fragments, keeping the rest of the range', async () => {
    const manifest = await json('iiif-manifest.json');
    const structures = manifest.structures as { items: unknown[] }[];
    structures[0].items.push(
      { id: `${CANVAS}/p1#xywh=10,20,abc,40`, type: 'Canvas' },
      { id: `${CANVAS}/p1#xywh=pixel:1900,2900,500,500`, type: 'Canvas' },
      { id: `${CANVAS}/p9#xywh=0,0,10,10`, type: 'Canvas' },
      { type: 'SpecificResource', source: `${CANVAS}/p1`, selector: { type: 'SvgSelector', value: '<svg/>' } },
    );
    const result = valid(importIiifManifest(manifest));
    expect(result.edition.pages[0].regions![0].shapes[2]).to.deep.equal({ rect: { x: 1900, y: 2900, w: 100, h: 100 } });
    expect(messages(result)).to.include.members([
      'structures[0].items[2]: malformed xywh "xywh=10,20,abc,40" (expected four non-negative numbers x,y,w,h), item skipped',
      'structures[0].items[3]: rectangle 1900,2900,500,500 reaches outside the page (2000 × 3000), clipped',
      `structures[0].items[4]: canvas ${CANVAS}/p9 is not among the manifest's items, item skipped`,
      'structures[0].items[5]: selector of type SvgSelector is not supported (expected a FragmentSelector), item skipped',
    ]);
  });

  it('throws an ImportError naming the path for input that is not a Presentation 3 manifest', async () => {
    for (const input of ['{"type":"Manifest"}', null, [1, 2], 42]) {
      const error = importError(() => importIiifManifest(input));
      expect(error.path).to.equal('');
      expect(error.message).to.match(/^expected a IIIF manifest \(a JSON object\), got (string|null|an array|number)$/);
    }
    expect(importError(() => importIiifManifest({ type: 'Collection', items: [] })).message).to.match(
      /^type: a IIIF Collection, not a manifest/,
    );
    expect(importError(() => importIiifManifest({ '@type': 'sc:Manifest', sequences: [] })).message).to.match(
      /^type: a IIIF Presentation 2 manifest/,
    );
    expect(importError(() => importIiifManifest({ type: 'Manifest', label: { en: ['x'] } })).message).to.equal(
      'items: expected a list of canvases, but it is missing or empty',
    );

    const manifest = await json('iiif-manifest.json');
    delete (manifest.items as Record<string, unknown>[])[1].width;
    const noWidth = importError(() => importIiifManifest(manifest));
    expect(noWidth.path).to.equal('items[1].width');
    expect(noWidth.message).to.equal('items[1].width: expected a positive number, but it is missing');

    const undated = await json('iiif-manifest.json');
    delete undated.navDate;
    expect(importError(() => importIiifManifest(undated)).path).to.equal('navDate');
  });

  it("lets the validator's EditionError through", async () => {
    expect(() => importIiifManifest({}, {})).to.throw(ImportError);
    let thrown: unknown;
    try {
      importIiifManifest(await json('iiif-manifest.json'), { date: '8 January 2021' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(EditionError);
    expect((thrown as EditionError).problems).to.deep.include({
      path: 'date',
      message: 'expected a date as YYYY-MM-DD, got "8 January 2021"',
    });
  });
});

describe('importers: METS/ALTO', () => {
  async function sources() {
    return {
      mets: await text('mets-alto/mets.xml'),
      alto: { 'alto/page-1.xml': await text('mets-alto/alto/page-1.xml'), 'alto/page-2.xml': await text('mets-alto/alto/page-2.xml') },
    };
  }

  it('turns the fixture METS and its two ALTO files (pixel, mm10) into a valid scan edition', async () => {
    const { mets, alto } = await sources();
    const result = valid(importMetsAlto(mets, alto));
    const { edition } = result;
    // The id is the publication (MODS title) and the date: each day's issue has its own.
    expect(edition).to.include({
      id: 'sample-daily-2021-01-08',
      title: 'Sample Daily, 8 January 2021',
      date: '2021-01-08',
      lang: 'zh-CN',
      pageCount: 3,
    });
    expect(edition.articles).to.deep.equal([
      {
        id: 'ART_1',
        headline: 'Sample article one',
        // HYP joins "sam-" + "ple"; HypPart1's SUBS_CONTENT gives "paragraph." whole.
        paragraphs: ['This is the first sample paragraph.', 'A second sample paragraph.', 'Sample article one, continued.'],
      },
      // No LABEL: the HEADING div's block is the headline; CJK strings join without spaces; the
      // enclosing SECTION's LABEL is the banner.
      { id: 'ART_2', banner: 'Sample section', headline: '示例文章二', paragraphs: ['这是示例文章二的第一段正文。', '本文共2段。'] },
    ]);
    // Pages in ORDER (the file lists A2 first); mm10 at 300 dpi: 2540 × 3810 → 3000 × 4500 pixels.
    expect(edition.pages).to.deep.equal([
      {
        id: 'PHYS_1',
        label: 'A1',
        width: 3000,
        height: 4500,
        scan: { src: 'page-1.jpg' },
        regions: [
          {
            article: 'ART_1',
            shapes: [
              { rect: { x: 150, y: 300, w: 1350, h: 150 } },
              { rect: { x: 150, y: 450, w: 1350, h: 600 } },
              { rect: { x: 1650, y: 300, w: 1200, h: 750 } },
              { rect: { x: 1650, y: 1200, w: 1200, h: 900 } },
            ],
          },
        ],
      },
      {
        id: 'PHYS_2',
        label: 'A2',
        width: 3000,
        height: 4500,
        scan: { src: 'page-2.jpg' },
        regions: [
          { article: 'ART_1', shapes: [{ rect: { x: 150, y: 1500, w: 2700, h: 300 } }] },
          {
            article: 'ART_2',
            shapes: [
              { rect: { x: 150, y: 300, w: 1350, h: 150 } },
              { rect: { x: 150, y: 450, w: 1350, h: 600 } },
              { rect: { x: 1650, y: 300, w: 1200, h: 450 } },
            ],
          },
        ],
      },
    ]);
    expect(result.warnings).to.deep.equal([
      {
        path: 'div[PHYS_3]',
        message: 'missing ALTO file "alto/page-3.xml" (FILEID ALTO_3, not in altoByHref), page skipped',
        leftOut: true,
      },
      { path: 'div[ART_2].area[3]', message: 'no element with ID "P2_TB99" in alto/page-2.xml, area skipped' },
      // The block above the articles (the page's running head) is in no unit: named, not lost silently.
      {
        path: 'alto[alto/page-1.xml]',
        message: '1 text block(s) in no unit of the logical structMap, their text not in the edition: P1_TB0',
      },
    ]);
  });

  it('converts mm10 and inch1200 at the stated dpi, and reports unknown units', async () => {
    const { mets, alto } = await sources();
    const at600 = importMetsAlto(mets, alto, { dpi: 600 }).edition.pages[1];
    expect([at600.width, at600.height]).to.deep.equal([6000, 9000]);
    expect(at600.regions![1].shapes[0]).to.deep.equal({ rect: { x: 300, y: 600, w: 2700, h: 300 } });

    // The same numbers read as inch1200 at 300 dpi: value / 4.
    const inch = { ...alto, 'alto/page-2.xml': alto['alto/page-2.xml'].replace('>mm10<', '>inch1200<') };
    const page = valid(importMetsAlto(mets, inch)).edition.pages[1];
    expect([page.width, page.height]).to.deep.equal([635, 952.5]);
    expect(page.regions![1].shapes[2]).to.deep.equal({ rect: { x: 349.25, y: 63.5, w: 254, h: 95.25 } });

    const cm = { ...alto, 'alto/page-2.xml': alto['alto/page-2.xml'].replace('>mm10<', '>cm<') };
    const result = valid(importMetsAlto(mets, cm));
    expect(result.edition.pages[1].width).to.equal(2540);
    expect(messages(result)).to.include(
      'alto[alto/page-2.xml].Description.MeasurementUnit: unknown unit "cm" (expected pixel, mm10 or inch1200), read as pixel',
    );
  });

  it('reads BEGIN…END ranges of blocks', async () => {
    const { mets, alto } = await sources();
    const ranged = mets.replace(
      '<mets:area FILEID="ALTO_2" BETYPE="IDREF" BEGIN="P2_TB2"/>',
      '<mets:area FILEID="ALTO_2" BETYPE="IDREF" BEGIN="P2_TB2" END="P2_TB4"/>',
    );
    const result = valid(importMetsAlto(ranged, alto));
    expect(result.edition.articles[1].paragraphs).to.deep.equal([
      '这是示例文章二的第一段正文。',
      '本文共2段。',
      'Sample article one, continued.',
    ]);
    // The heading, then P2_TB2, P2_TB3 and P2_TB4 from the range; P2_TB3's own area repeats it.
    expect(result.edition.pages[1].regions![1].shapes).to.have.length(4);
    expect(messages(result)).to.include('div[ART_2].area[2]: P2_TB3 is already part of this unit, skipped');
  });

  it('reports a missing ALTO file for every area on it and drops the articles left without regions', async () => {
    const { mets, alto } = await sources();
    const result = valid(importMetsAlto(mets, { 'alto/page-1.xml': alto['alto/page-1.xml'] }));
    expect(result.edition.pages.map((p) => p.id)).to.deep.equal(['PHYS_1']);
    expect(result.edition.articles.map((a) => a.id)).to.deep.equal(['ART_1']);
    expect(messages(result)).to.deep.equal([
      'div[PHYS_2]: missing ALTO file "alto/page-2.xml" (FILEID ALTO_2, not in altoByHref), page skipped',
      'div[PHYS_3]: missing ALTO file "alto/page-3.xml" (FILEID ALTO_3, not in altoByHref), page skipped',
      'div[ART_1].area[4]: missing ALTO file "alto/page-2.xml" (not in altoByHref), area skipped',
      'div[ART_2].area[0]: missing ALTO file "alto/page-2.xml" (not in altoByHref), area skipped',
      'div[ART_2].area[1]: missing ALTO file "alto/page-2.xml" (not in altoByHref), area skipped',
      'div[ART_2].area[2]: missing ALTO file "alto/page-2.xml" (not in altoByHref), area skipped',
      'div[ART_2].area[3]: missing ALTO file "alto/page-2.xml" (not in altoByHref), area skipped',
      'div[ART_2]: none of its areas could be placed on a page, article skipped',
      'alto[alto/page-1.xml]: 1 text block(s) in no unit of the logical structMap, their text not in the edition: P1_TB0',
    ]);
  });

  it('throws an ImportError for a METS without a logical structMap, and for text that is not METS', async () => {
    const { mets, alto } = await sources();
    const noLogical = mets.replace(/<mets:structMap TYPE="LOGICAL">[\s\S]*?<\/mets:structMap>/, '');
    const error = importError(() => importMetsAlto(noLogical, alto));
    expect(error.path).to.equal('mets.structMap');
    expect(error.message).to.equal('mets.structMap: no logical structMap (structMap TYPE="LOGICAL"): no articles to import');
    expect(importError(() => importMetsAlto('<mets:mets', alto)).message).to.match(/^mets: not well-formed XML/);
    expect(importError(() => importMetsAlto('<alto/>', alto)).message).to.equal(
      'mets: expected a METS document (root element mets), got <alto>',
    );
    const undated = mets.replace(/<mods:originInfo>[\s\S]*?<\/mods:originInfo>/, '');
    expect(importError(() => importMetsAlto(undated, alto)).message).to.match(/^mets: no date/);
    expect(importMetsAlto(undated, alto, { date: '2021-01-08' }).edition.date).to.equal('2021-01-08');
  });
});

describe('importers: HTML image map', () => {
  const image = { src: 'page-1.jpg', width: 2000, height: 3000 };

  it('turns the fixture map into a valid one-page scan edition', async () => {
    const result = valid(importImageMap(await text('image-map.html'), { image, date: '2021-01-08' }));
    const { edition } = result;
    // The id: the publication (the title less its digits, here in base 36) and the date.
    expect(edition).to.include({
      id: 'ny2fpnn5hi1cjhhobw-2021-01-08',
      title: '示例电子报 第1版',
      date: '2021-01-08',
      lang: 'zh-CN',
      pageCount: 1,
    });
    expect(edition.articles).to.deep.equal([
      { id: 'a1', headline: '示例文章一', paragraphs: ['示例文章一'] },
      { id: 'a2', headline: 'Sample article two', paragraphs: ['Sample article two'] },
      { id: 'a3', headline: 'Sample article three', paragraphs: ['Sample article three'] },
      { id: 'a4', headline: 'Sample article four', paragraphs: ['Sample article four'] },
    ]);
    const [page] = edition.pages;
    expect(page).to.include({ id: 'p1', label: '1', width: 2000, height: 3000 });
    expect(page.scan).to.deep.equal({ src: 'page-1.jpg', width: 2000, height: 3000 });
    const regions = page.regions!;
    expect(regions.map((r) => r.article)).to.deep.equal(['a1', 'a2', 'a3', 'a4']);
    // The <img> is shown at 1000 × 1500: coords scale by 2. Two areas share article-1.html.
    expect(regions[0].shapes).to.deep.equal([{ rect: { x: 100, y: 200, w: 800, h: 600 } }, { rect: { x: 100, y: 840, w: 800, h: 560 } }]);
    expect(regions[1].shapes).to.deep.equal([
      {
        polygon: [
          [1000, 200],
          [1900, 200],
          [1900, 1400],
          [1400, 1400],
          [1400, 800],
          [1000, 800],
        ],
      },
    ]);
    const circle = (regions[2].shapes[0] as { polygon: [number, number][] }).polygon;
    expect(circle).to.have.length(16);
    expect(circle[0]).to.deep.equal([700, 1800]);
    expect(circle[4]).to.deep.equal([500, 2000]);
    for (const [x, y] of circle) expect(Math.hypot(x - 500, y - 1800)).to.be.closeTo(200, 0.01);
    expect(regions[3].shapes).to.deep.equal([{ rect: { x: 1000, y: 1500, w: 900, h: 500 } }]);
    expect(messages(result)).to.deep.equal([
      'img: coords are given for the image shown at 1000 × 1500: scaled to 2000 × 3000',
      'area[3]: a circle, approximated by a 16-sided polygon',
      'area[4].href: href "javascript:openArticle(4)" is a javascript: URL, not http(s) or relative: dropped, the area stands alone',
      'area[5]: shape "default" covers the whole image, not an article: skipped',
      ...[0, 1, 2, 3].map(
        (i) => `articles[${i}].paragraphs: an image map has no article text: the headline stands in as the only paragraph; supply the text`,
      ),
    ]);
    expect(JSON.stringify(edition)).not.to.contain('article-1.html');
  });

  it('skips areas with odd or non-numeric coords, with a warning naming the area', () => {
    const html = `<title>t</title><map name="m">
      <area shape="poly" coords="10,10,100,10,100" href="a.html" alt="Odd">
      <area shape="rect" coords="10,10,x,100" href="b.html" alt="NaN">
      <area shape="rect" coords="10,10,100" href="c.html" alt="Short">
      <area coords="0 0 ; 50 50" href="#" alt="Kept">
      <area shape="rect" coords="0,0,10,10" alt="No link">
    </map>`;
    const result = valid(importImageMap(html, { image: { src: 'p.png', width: 200, height: 200 }, date: '2021-01-08', lang: 'en' }));
    expect(result.edition.articles.map((a) => a.headline)).to.deep.equal(['Kept', 'No link']);
    expect(result.edition.pages[0].regions![0].shapes).to.deep.equal([{ rect: { x: 0, y: 0, w: 50, h: 50 } }]);
    expect(messages(result).slice(0, 6)).to.deep.equal([
      "map: the areas reach only 100 × 50 of the image's 200 × 200, and the <img> states no size: were the coords drawn over a smaller display of it? Give that size (--display-size, options.displaySize)",
      'area[0].coords: a poly needs pairs of numbers, got an odd count (5), area skipped',
      'area[1].coords: coords "10,10,x,100" holds a non-number: "x", area skipped',
      'area[2].coords: a rect needs 4 numbers (x1,y1,x2,y2), got 3, area skipped',
      'area[3].href: href "#" names no target: dropped, the area stands alone',
      'area[4].href: no href: dropped, the area stands alone',
    ]);
  });

  it('throws an ImportError for a page without a map, without areas that map, or without a date', () => {
    const options = { image, date: '2021-01-08', title: 'T' };
    expect(importError(() => importImageMap('<p>no map here</p>', options)).message).to.equal('html: no <map> element');
    expect(importError(() => importImageMap('<map name="m"><area shape="default"></map>', options)).path).to.equal('map');
    expect(importError(() => importImageMap('<map name="m"><area coords="0,0,5,5" href="a"></map>', { image, title: 'T' })).path).to.equal(
      'options.date',
    );
    expect(
      importError(() => importImageMap('<map></map>', { image: { src: 'a.jpg', width: 0, height: 10 }, date: '2021-01-08' })).path,
    ).to.equal('options.image.width');
  });
});
