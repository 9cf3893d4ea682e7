import { encode } from 'uqr';

/**
 * A QR code of `text` as one SVG path in module units (`M x y h1v1h-1z` per dark module) and its
 * size with the quiet zone. From uqr (unjs, MIT, no dependencies: 3.9 kB min+gzip of the share
 * part), error correction M: a link of a few hundred characters still scans from a screen.
 */
export function qrPath(text: string): { d: string; size: number } {
  const border = 2;
  const { data, size } = encode(text, { ecc: 'M', border });
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // A run of dark modules is one rectangle: a path a third the length.
      if (!data[y][x]) continue;
      let run = 1;
      while (x + run < size && data[y][x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return { d, size };
}
