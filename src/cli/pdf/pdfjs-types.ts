/**
 * The few parts of PDF.js, @napi-rs/canvas and sharp the command uses, typed here: the packages are
 * installed on demand (./load.ts), so their own types are not there when the project type-checks.
 */

export interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

export interface TextStyle {
  ascent: number;
  descent: number;
  vertical: boolean;
  fontFamily: string;
}

export interface Viewport {
  width: number;
  height: number;
  transform: number[];
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface PdfPage {
  view: number[];
  rotate: number;
  getViewport(options: { scale: number }): Viewport;
  getTextContent(options?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): Promise<{
    items: (TextItem | { type: string })[];
    styles: Record<string, TextStyle>;
  }>;
  getOperatorList(): Promise<OperatorList>;
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
  render(options: { canvasContext: unknown; canvas: unknown; viewport: Viewport; background?: string }): { promise: Promise<void> };
  cleanup(): void;
}

export interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

export interface Pdfjs {
  version: string;
  OPS: Record<string, number>;
  Util: { transform(a: number[], b: number[]): number[] };
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}

export interface NodeCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
  encode(format: 'jpeg' | 'webp' | 'png', quality?: number): Promise<Uint8Array>;
  /** The pixels, RGBA, row by row. */
  data(): Uint8Array;
}

export interface Canvas {
  createCanvas(width: number, height: number): NodeCanvas;
}

/** sharp (libvips) on raw pixels: the WebP encoder with its effort setting (./render.ts). */
export interface SharpPipeline {
  removeAlpha(): SharpPipeline;
  webp(options: { quality: number; effort: number }): SharpPipeline;
  toBuffer(): Promise<Uint8Array>;
}
export interface Sharp {
  (input: Uint8Array, options: { raw: { width: number; height: number; channels: 4 } }): SharpPipeline;
  cache(options: boolean): void;
}
