import type { Edition } from '../../edition/schema.js';

const made = new WeakMap<Edition, Edition>();

/**
 * The edition as the page strip's thumbnails draw it: its text a pixel or two tall, which nobody
 * reads, so no shared slice of it is ever fetched for them (a deep link into a page file once
 * fetched about 390 KiB of headline slices for its thumbnails after ready). Of a role cut into the
 * publication's slices, only the role's stand-in (bars with the real face's widths and ink: a
 * thumbnail's lines fall as the page's), or no web font where the edition ships none; of a role cut
 * exactly for the edition, its files, which the page has loaded. Under an id of its own, so that
 * its faces are families of their own (src/edition/fonts.ts): the page's stand-ins leave the
 * document once its real faces are in, these stay; and the reader, which sets headlines in the
 * page's loaded cuts (`"<family> <page>"`), never takes them for a cut. One object per edition.
 */
export function thumbnailEdition(edition: Edition): Edition {
  let thumbnails = made.get(edition);
  if (!thumbnails) {
    const sliced = new Set(edition.fonts?.filter((font) => font.kind === 'slice').map((font) => font.role));
    const fonts = edition.fonts?.flatMap((font) =>
      sliced.has(font.role) ? (font.kind === 'stand-in' ? [{ ...font, kind: undefined }] : []) : font.kind === 'page' ? [] : [font],
    );
    thumbnails = { ...edition, id: `${edition.id} thumbnails`, fonts };
    made.set(edition, thumbnails);
  }
  return thumbnails;
}
