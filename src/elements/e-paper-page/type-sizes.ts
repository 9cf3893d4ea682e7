/**
 * The typeset page's type sizes (page px) that decide which text is too small to read at a scale
 * (src/edition/fonts.ts): the page's styles set them from here, so the two cannot disagree.
 * A block's `headlineSize` (the edition's data) overrides the headline's.
 */
export const TYPE_PX = {
  /** Body paragraphs, the running text of the body face. */
  body: 15.5,
  /** Banners (栏目), the smallest article heading in the headline face. */
  banner: 20,
  /** A headline where its block gives no `headlineSize`. */
  headline: 40,
};
