/**
 * Whether a scan has colour, so that a grey scan's tiles are written grey (one channel: smaller
 * files) and a page with any colour keeps it. Pure: it reads the decoded pixels.
 *
 * A pixel has colour when its channels differ by more than {@link COLOUR_STEP} (a grey scan's
 * noise and a JPEG's rounding stay well under it); the page has colour when more than
 * {@link COLOUR_SHARE} of its pixels have. So a red masthead, one colour photo or a yellowed
 * sheet of newsprint keeps the page in colour; only a page that is grey all over is made grey.
 */

/** Channels differing by more than this (of 255) make a pixel coloured. */
export const COLOUR_STEP = 24;
/** A page with more than this share of coloured pixels (1 in 10 000) has colour. */
export const COLOUR_SHARE = 0.0001;

/** Whether the RGB(A) pixels (`channels` bytes each; 1 or 2: grey already) have colour. */
export function hasColour(pixels: Uint8Array, channels: number): boolean {
  if (channels < 3) return false;
  const count = Math.floor(pixels.length / channels);
  const allowed = count * COLOUR_SHARE;
  let coloured = 0;
  for (let i = 0; i < count * channels; i += channels) {
    const r = pixels[i];
    const g = pixels[i + 1];
    const b = pixels[i + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) > COLOUR_STEP && ++coloured > allowed) return true;
  }
  return false;
}
