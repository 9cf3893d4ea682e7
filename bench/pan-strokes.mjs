// The pan both benchmarks drive (bench/run.mjs through cli.mjs, and bench/scan-tiles.mjs): a
// module without side effects, since cli.mjs reads the command line when imported.

/** Drag strokes (screen px), one second each at 60 moves a second: about 3 s of panning. */
export const STROKES = [
  [
    { x: 900, y: 700 },
    { x: 400, y: 300 },
  ],
  [
    { x: 300, y: 650 },
    { x: 1000, y: 250 },
  ],
  [
    { x: 640, y: 250 },
    { x: 640, y: 750 },
  ],
];
export const STROKE_MS = 1000;
export const MOVE_MS = 1000 / 60;
