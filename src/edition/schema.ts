// Over 400 lines: the format's one source (types, validation and JSON Schema come from it), kept
// in one file so that a change of the format is one diff; the checks across fields are validate.ts.
/**
 * The edition format, version 1: the one source of truth. The TypeScript types are inferred from
 * these schemas and `schema/edition-v1.schema.json` and `schema/page-v1.schema.json` are
 * generated from them (`npm run schema`). Coordinates are page units, origin top-left. Content
 * (articles) is kept apart from layout (pages, blocks, regions). An edition may keep pages in
 * page files of their own, loaded when they are needed: see {@link PageFileSchema}.
 *
 * One file of about 460 lines on purpose: it is the format's definition, read top to bottom
 * from the smallest piece to the edition, and one file keeps one versioned format in one place.
 */
import * as v from 'valibot';
import { ARTICLES, ARTICLE_TEXT, LIST_ITEMS, NESTING, PAGE_TEXT, TEXT_LAYER, VALUES } from './caps.js';
import { ARTICLE_PARTS, notReserved } from './constants.js';

export { ARTICLE_PARTS } from './constants.js';

/** Caps that protect the reader's browser from absurd files (those the viewer checks itself are caps.ts's). */
export const LIMITS = {
  idLength: 64,
  textLength: 400,
  paragraphLength: 20_000,
  paragraphs: 500,
  pages: 500,
  articles: ARTICLES,
  blocksPerPage: 500,
  shapesPerRegion: 50,
  regionsPerPage: 2_000,
  pointsPerPolygon: 1_000,
  pageUnits: 100_000,
  articleText: ARTICLE_TEXT,
  pageText: PAGE_TEXT,
  listItems: LIST_ITEMS,
  nesting: NESTING,
  values: VALUES,
  /** Footer channels. */
  channels: 20,
  /** Images in a scan's srcset. */
  srcset: 20,
  /** Lines of a scan page's text layer. */
  textLines: 10_000,
  textLayer: TEXT_LAYER,
  /** Jump lines (转X版) of continued articles on one page. */
  jumpsPerPage: 200,
} as const;

const text = (what = 'a string') =>
  v.pipe(v.string(`expected ${what}`), v.maxLength(LIMITS.textLength, `expected at most ${LIMITS.textLength} characters`));

const nonEmptyText = (what = 'a non-empty string') => v.pipe(text(what), v.minLength(1, `expected ${what}`));

const Id = v.pipe(
  v.string('expected an id (a string)'),
  v.maxLength(LIMITS.idLength, `expected an id of at most ${LIMITS.idLength} characters`),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'expected an id of letters, digits, _ . : -'),
  v.check(notReserved, 'expected an id that is not a reserved word'),
);

/**
 * A list of `item`: `expected a list of ${of}` when it is no list, `expected at most ${max} ${most}`
 * past `max` items, and `min`'s own message when it is shorter (checked before the maximum).
 */
function list<T extends v.GenericSchema>(
  item: T,
  of: string,
  max: number,
  most = of,
  min?: v.MinLengthAction<v.InferOutput<T>[], number, string>,
) {
  const array = v.array(item, `expected a list of ${of}`);
  const atMost = v.maxLength<v.InferOutput<T>[], number, string>(max, `expected at most ${max} ${most}`);
  return min ? v.pipe(array, min, atMost) : v.pipe(array, atMost);
}

const finite = v.pipe(v.number('expected a number'), v.finite('expected a finite number'));
const coordinate = v.pipe(
  finite,
  v.minValue(0, 'expected a number of at least 0'),
  v.maxValue(LIMITS.pageUnits, `expected a number of at most ${LIMITS.pageUnits}`),
);
const positive = v.pipe(
  finite,
  v.gtValue(0, 'expected a positive number'),
  v.maxValue(LIMITS.pageUnits, `expected a number of at most ${LIMITS.pageUnits}`),
);

export const RectSchema = v.strictObject({ x: coordinate, y: coordinate, w: positive, h: positive }, 'expected a rectangle {x, y, w, h}');

export const PointSchema = v.pipe(v.tuple([coordinate, coordinate], 'expected a point [x, y]'));

/** One piece of an article's region: a rectangle or a polygon (at least three points). */
export const ShapeSchema = v.union(
  [
    v.strictObject({ rect: RectSchema }),
    v.strictObject({
      polygon: list(PointSchema, 'points', LIMITS.pointsPerPolygon, 'points', v.minLength(3, 'expected at least 3 points')),
    }),
  ],
  'expected a shape: {rect} or {polygon}',
);

export const RegionSchema = v.strictObject(
  {
    article: Id,
    shapes: list(ShapeSchema, 'shapes', LIMITS.shapesPerRegion, 'shapes', v.minLength(1, 'expected at least one shape')),
  },
  'expected a region {article, shapes}',
);

export const PhotoSchema = v.strictObject(
  {
    /** Image URL; absent when the publisher has no file (the page shows a placeholder). */
    src: v.optional(nonEmptyText('a URL')),
    alt: v.optional(text()),
    caption: v.optional(text()),
    credit: v.optional(text()),
    /** Width divided by height, for the placeholder and for reserving space. */
    aspect: v.optional(
      v.pipe(finite, v.gtValue(0.1, 'expected an aspect ratio above 0.1'), v.maxValue(10, 'expected an aspect ratio of at most 10')),
    ),
  },
  'expected a photo {src, alt, caption, credit, aspect}',
);

/**
 * What a unit of the paper is. `news` (the default) is an article; the others are units a
 * publisher's material marks apart (an advertisement, a notice such as a publishing statement or
 * an announcement, the masthead or title section, an illustration standing alone, anything else).
 * Every kind is shown and can be opened; only the kinds in the edition's `readingOrder` (news by
 * default) count in the reader's previous/next and its "3 / 9".
 */
export const ARTICLE_KINDS = ['news', 'advertisement', 'notice', 'masthead', 'illustration', 'other'] as const;

const ArticleKindSchema = v.picklist(ARTICLE_KINDS, `expected an article kind: ${ARTICLE_KINDS.join(', ')}`);

export const ArticleSchema = v.strictObject(
  {
    id: Id,
    /** What the unit is; `news` when absent. */
    kind: v.optional(ArticleKindSchema),
    /** Series banner (栏目). */
    banner: v.optional(text()),
    /** Kicker (引题), set above the headline. */
    kicker: v.optional(text()),
    /** Headline (主题). */
    headline: nonEmptyText('a headline'),
    /** Subheads (副题), set below the headline. */
    subheads: v.optional(list(text(), 'strings', 10, 'subheads')),
    bylines: v.optional(list(text(), 'strings', 10, 'bylines')),
    paragraphs: list(
      v.pipe(
        v.string('expected a paragraph (a string)'),
        v.minLength(1, 'expected a non-empty paragraph'),
        v.maxLength(LIMITS.paragraphLength, `expected a paragraph of at most ${LIMITS.paragraphLength} characters`),
      ),
      'paragraphs',
      LIMITS.paragraphs,
      'paragraphs',
      v.minLength(1, 'expected at least one paragraph'),
    ),
    photos: v.optional(list(PhotoSchema, 'photos', 20)),
  },
  'expected an article {id, headline, paragraphs…}',
);

const ArticleBlockSchema = v.strictObject(
  {
    kind: v.literal('article'),
    article: Id,
    rect: RectSchema,
    /** Which parts stand in this block, in the order newspapers set them; all when absent. */
    parts: v.optional(
      list(v.picklist(ARTICLE_PARTS, `expected one of ${ARTICLE_PARTS.join(', ')}`), 'article parts', ARTICLE_PARTS.length, 'parts'),
    ),
    /** The body paragraphs this block sets: [from, to), all when absent. */
    paragraphs: v.optional(
      v.tuple(
        [
          v.pipe(v.number('expected a number'), v.integer('expected a whole number'), v.minValue(0, 'expected a number of at least 0')),
          v.pipe(v.number('expected a number'), v.integer('expected a whole number'), v.minValue(1, 'expected a number of at least 1')),
        ],
        'expected [from, to]',
      ),
    ),
    /** Body columns. */
    columns: v.optional(
      v.pipe(
        v.number('expected a number'),
        v.integer('expected a whole number'),
        v.minValue(1, 'expected at least 1 column'),
        v.maxValue(12, 'expected at most 12 columns'),
      ),
    ),
    /** Headline size in page units. */
    headlineSize: v.optional(positive),
    /** Headline alignment. */
    align: v.optional(v.picklist(['start', 'center'], 'expected start or center')),
    /** A heavier frame, as newspapers box a feature. */
    boxed: v.optional(v.boolean('expected true or false')),
  },
  'expected a block {kind, rect}',
);

const FixedBlockSchema = v.strictObject(
  {
    kind: v.picklist(['masthead', 'ear', 'footer'], 'expected a block kind: article, masthead, ear or footer'),
    rect: RectSchema,
  },
  'expected a block {kind, rect}',
);

export const BlockSchema = v.variant('kind', [ArticleBlockSchema, FixedBlockSchema], 'expected a block {kind, rect}');

/**
 * A scan page's tiles: a IIIF Image API service (level 0 static tiles, as `e-paper import --tiles`
 * writes them, or a library's own server). `service` is its id, relative to the edition or http(s):
 * `{service}/info.json` describes it, a tile is `{service}/{region}/{size}/0/default.{format}`. The
 * image's size, tile width (tiles are square) and scale factors (at most 20), when given, spare
 * the viewer that info.json (the Image API version 3 is then taken; else info.json says which).
 * `format` is the tiles' file format when it is not jpg (`e-paper tiles` writes webp).
 */
export const ScanTilesSchema = v.strictObject(
  {
    service: nonEmptyText('an image service URL'),
    width: v.optional(positive),
    height: v.optional(positive),
    tileWidth: v.optional(positive),
    scaleFactors: v.optional(v.pipe(v.array(positive), v.maxLength(LIMITS.srcset))),
    format: v.optional(v.picklist(['jpg', 'png', 'webp', 'avif', 'gif'], 'expected jpg, png, webp, avif or gif')),
  },
  'expected tiles {service, width, height, tileWidth, scaleFactors, format}',
);

export const ScanImageSchema = v.strictObject(
  {
    src: nonEmptyText('an image URL'),
    /** The image's own size in pixels; regions on a scan page use page units all the same. */
    width: v.optional(positive),
    height: v.optional(positive),
    srcset: v.optional(
      list(
        v.strictObject({ src: nonEmptyText('an image URL'), width: positive }, 'expected {src, width}'),
        '{src, width}',
        LIMITS.srcset,
        'images',
      ),
    ),
    /** Tiles of the image, fetched by the view instead of the whole image when zoomed in. */
    tiles: v.optional(ScanTilesSchema),
  },
  'expected a scan {src, width, height, srcset, tiles}',
);

/**
 * One line of a scan page's text layer: the text as printed and the box it stands in, in page
 * units. The viewer sets it invisible over the image, stretched to the box, so that a reader
 * selects and copies the page's text and search hits light up on the image.
 */
export const TextLineSchema = v.strictObject(
  {
    text: nonEmptyText('the text of a line'),
    x: coordinate,
    y: coordinate,
    w: positive,
    h: positive,
  },
  'expected a text line {text, x, y, w, h}',
);

// ---- continued articles (转X版 / 上接第X版) ----------------------------------------------------

/**
 * A jump line of a continued article: an article printed in parts on several pages is one
 * article, with a region on each of its pages; each page says, for each part it holds, where the
 * article goes on (`to`: 转第2版) or comes from (`from`: 上接第1版), as one jump each, with the line
 * as printed. A part in the middle has both. Exactly one of `to` and `from`.
 */
export const JumpSchema = v.strictObject(
  {
    /** The continued article (it has a region on this page and on the other). */
    article: Id,
    /** The page where the article goes on (转). */
    to: v.optional(Id),
    /** The page where the article comes from (上接). */
    from: v.optional(Id),
    /** The jump line as printed: `（转第2版）`, `（上接第1版）`. */
    text: v.optional(nonEmptyText('the jump line as printed')),
  },
  'expected a jump {article, to or from, text}',
);

export const PageSchema = v.strictObject(
  {
    id: Id,
    /** The page's label as printed (A1). */
    label: nonEmptyText('a page label'),
    section: v.optional(text()),
    width: positive,
    height: positive,
    /** Typeset pages list their blocks in the order they are set (the reading order is `articleOrder`, or the layout's). */
    blocks: v.optional(list(BlockSchema, 'blocks', LIMITS.blocksPerPage)),
    /** Scan pages show an image instead of typeset blocks. */
    scan: v.optional(ScanImageSchema),
    /** A scan page's text layer (from the PDF's text or the OCR's words), in reading order. */
    text: v.optional(list(TextLineSchema, 'text lines', LIMITS.textLines)),
    /**
     * The page's reading order, where the publisher states one: article ids, the first read first.
     * Articles not listed follow in the order the layout gives (the lead story, then column by column).
     */
    articleOrder: v.optional(list(Id, 'article ids', LIMITS.regionsPerPage)),
    /** Article regions (their order is not the reading order); on typeset pages, derived from the article blocks when absent. */
    regions: v.optional(list(RegionSchema, 'regions', LIMITS.regionsPerPage)),
    /**
     * A page kept in a page file: its URL, resolved against the edition's. Such a page (a page
     * reference) has no blocks, scan or regions, and its articles are in the file, not the edition.
     */
    src: v.optional(nonEmptyText('a page file URL')),
    /** The printed page as a PDF, for readers to download or print: its URL, resolved against the edition's. */
    pdf: v.optional(nonEmptyText('a PDF URL')),
    /** The jump lines of the continued articles on this page (see {@link JumpSchema}). */
    jumps: v.optional(list(JumpSchema, 'jumps', LIMITS.jumpsPerPage)),
  },
  'expected a page {id, label, width, height…}',
);

export const MastheadSchema = v.strictObject(
  {
    titleLatin: v.optional(text()),
    publisher: v.optional(text()),
    serial: v.optional(text()),
  },
  'expected a masthead {titleLatin, publisher, serial}',
);

/** The ear (报眼) beside the masthead: each fact as printed. */
export const EarSchema = v.strictObject(
  {
    yearMonth: v.optional(text()),
    day: v.optional(text()),
    weekday: v.optional(text()),
    lunarDate: v.optional(text()),
    issue: v.optional(text()),
    weather: v.optional(text()),
    temperature: v.optional(text()),
    pagesToday: v.optional(text()),
  },
  'expected an ear {yearMonth, day, weekday…}',
);

export const FooterSchema = v.strictObject(
  {
    prompt: v.optional(text()),
    channels: v.optional(
      list(
        v.strictObject(
          { name: nonEmptyText('a channel name'), kind: v.optional(text()), url: v.optional(nonEmptyText('a URL')) },
          'expected a channel {name, kind, url}',
        ),
        'channels',
        LIMITS.channels,
      ),
    ),
  },
  'expected a footer {prompt, channels}',
);

/** The roles a web font plays on a typeset page. */
export const FONT_ROLES = ['body', 'headline', 'masthead'] as const;

/**
 * A web font file the edition ships (CJK fonts are cut down to the glyphs the edition uses, so
 * they belong to the edition, not the viewer). `src` is resolved against the edition's URL.
 */
export const FontSchema = v.strictObject(
  {
    role: v.picklist(FONT_ROLES, `expected a font role: ${FONT_ROLES.join(', ')}`),
    src: nonEmptyText('a font URL'),
    weight: v.optional(
      v.pipe(finite, v.minValue(1, 'expected a weight from 1 to 1000'), v.maxValue(1000, 'expected a weight from 1 to 1000')),
    ),
    /** CSS unicode-range of the file, when a face is split into several files. */
    unicodeRange: v.optional(
      v.pipe(
        v.string('expected a unicode-range'),
        v.maxLength(20_000, 'expected a unicode-range of at most 20000 characters'),
        v.regex(
          /^[Uu]\+[0-9A-Fa-f?]{1,6}(-[0-9A-Fa-f]{1,6})?(\s*,\s*[Uu]\+[0-9A-Fa-f?]{1,6}(-[0-9A-Fa-f]{1,6})?)*$/,
          'expected a unicode-range such as U+4E00-9FFF',
        ),
      ),
    ),
    /**
     * What the file is, when the edition's fonts are the publication's slices: `slice` a shared
     * slice; `other` the edition's characters outside them; `stand-in` the role's stand-in (every
     * slice's characters, the real metrics, plain bars for glyphs: drawn where the text is too
     * small to read until the slices are in); `page` an exact cut of one page's text in the role.
     */
    kind: v.optional(v.picklist(['slice', 'other', 'stand-in', 'page'], 'expected a font kind: slice, other, stand-in, page')),
    /** The page (its id) whose text a `page` cut holds. */
    page: v.optional(nonEmptyText('a page id')),
  },
  'expected a font {role, src, weight, unicodeRange, kind, page}',
);

const ArticlesSchema = list(ArticleSchema, 'articles', LIMITS.articles);

/**
 * Who holds the rights and what a reader must be shown (IIIF `requiredStatement`, a library's
 * credit line): the viewer shows `attribution` with every article.
 */
export const RightsSchema = v.strictObject(
  {
    /** The statement as it must be shown ("Courtesy of …", "Public domain"). */
    attribution: v.optional(nonEmptyText('an attribution')),
    /** URL of the licence or rights statement. */
    license: v.optional(nonEmptyText('a URL')),
  },
  'expected rights {attribution, license}',
);

export const EditionSchema = v.strictObject(
  {
    format: v.literal('e-paper-edition', 'expected "e-paper-edition"'),
    version: v.literal(1, 'expected version 1'),
    id: Id,
    title: nonEmptyText('a title'),
    date: v.pipe(v.string('expected a date'), v.isoDate('expected a date as YYYY-MM-DD')),
    issue: v.optional(text()),
    /** BCP 47 language of the edition's text. */
    lang: v.pipe(
      v.string('expected a language tag'),
      v.maxLength(35, 'expected a language tag of at most 35 characters'),
      v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a language tag such as zh-CN'),
    ),
    /** How many pages the printed edition has; `pages` may hold fewer. */
    pageCount: v.pipe(finite, v.integer('expected a whole number'), v.minValue(1, 'expected at least 1')),
    masthead: v.optional(MastheadSchema),
    ear: v.optional(EarSchema),
    footer: v.optional(FooterSchema),
    /** Rights and the attribution the viewer shows. */
    rights: v.optional(RightsSchema),
    /** The article kinds in the reader's order (previous/next, "3 / 9"); `["news"]` when absent. */
    readingOrder: v.optional(list(ArticleKindSchema, 'article kinds', ARTICLE_KINDS.length, 'kinds')),
    fonts: v.optional(list(FontSchema, 'fonts', 400, 'font files')),
    articles: ArticlesSchema,
    pages: list(PageSchema, 'pages', LIMITS.pages, 'pages', v.minLength(1, 'expected at least one page')),
  },
  'expected an edition (an object)',
);

/**
 * A page file: one page of an edition, as it would stand inline (same id, width and height as the
 * page reference that points to it; blocks or scan), with the articles of that page. Relative
 * URLs in it are resolved against the page file's own URL.
 */
export const PageFileSchema = v.strictObject(
  {
    format: v.literal('e-paper-page', 'expected "e-paper-page"'),
    version: v.literal(1, 'expected version 1'),
    page: PageSchema,
    articles: ArticlesSchema,
  },
  'expected a page file (an object)',
);

export type Edition = v.InferOutput<typeof EditionSchema>;
export type PageFileData = v.InferOutput<typeof PageFileSchema>;
export type Article = v.InferOutput<typeof ArticleSchema>;
export type Page = v.InferOutput<typeof PageSchema>;
export type Block = v.InferOutput<typeof BlockSchema>;
export type ArticleBlock = Extract<Block, { kind: 'article' }>;
export type Region = v.InferOutput<typeof RegionSchema>;
export type Shape = v.InferOutput<typeof ShapeSchema>;
export type Rect = v.InferOutput<typeof RectSchema>;
export type EditionFont = v.InferOutput<typeof FontSchema>;
export type FontRole = (typeof FONT_ROLES)[number];
export type Photo = v.InferOutput<typeof PhotoSchema>;
export type ArticlePart = (typeof ARTICLE_PARTS)[number];
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
export type Rights = v.InferOutput<typeof RightsSchema>;
export type TextLine = v.InferOutput<typeof TextLineSchema>;
export type Jump = v.InferOutput<typeof JumpSchema>;
export type ScanTiles = v.InferOutput<typeof ScanTilesSchema>;
