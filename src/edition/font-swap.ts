import { editionFontFamily, pageText, standIns, swapped } from './fonts.js';
import type { Edition, FontRole, Page } from './schema.js';

/**
 * After `e-paper-ready`: loads the real faces (the slices) of the text the page `shown` prints under a
 * stand-in, then takes the stand-in out of the document. The stand-in has the real faces'
 * metrics, so the text keeps every line and box; a reader who zoomed in meanwhile sees the
 * stand-in until then. A file that fails is drawn by a system face, as before ready.
 */
export async function swapStandIns(edition: Edition, shown: () => Page): Promise<void> {
  const prefix = `${edition.id}|`;
  const mine = [...standIns].filter(([key]) => key.startsWith(prefix));
  await Promise.all(
    mine.map(async ([key, face]) => {
      const role = key.slice(prefix.length) as FontRole;
      const spec = `${face.weight} 1em "${editionFontFamily(edition, role)}"`;
      // The page in view when the load ends: a reader may have turned the page meanwhile.
      for (let page: Page | undefined, tries = 0; page !== shown() && tries < 3; tries += 1) {
        page = shown();
        await document.fonts.load(spec, pageText(edition, page)[role] || ' ').catch(() => {});
      }
      document.fonts.delete(face);
      standIns.delete(key);
      swapped.add(key);
    }),
  );
}
