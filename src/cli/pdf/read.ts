/**
 * Reads a PDF with PDF.js in Node: each page's size, its text runs (font, size, position), the
 * rules and filled boxes it draws and the images it places, in page units (./../../edition/
 * importers/pdf-content.ts). Every failure is a CliError that names the file: an encrypted,
 * damaged, empty or oversized PDF gets a message of its own, never a stack trace.
 */
import type { Box, PdfPageContent, PdfRule, PdfRun } from '../../edition/importers/pdf-content.js';
import { PT } from '../../edition/importers/pdf-content.js';
import { LIMITS } from '../../edition/schema.js';
import { CliError, EXIT } from '../exit-codes.js';
import { barsInType, MAX_SHORT_BARS } from './bars.js';
import type { PdfPackages } from './load.js';
import type { OperatorList, PdfDocument, PdfPage } from './pdfjs-types.js';

/** Runs of text read from one page at most: more is a page no newspaper prints. */
export const MAX_RUNS = 20_000;
/** Operators walked on one page at most (a page of vector art can have millions). */
const MAX_OPS = 2_000_000;

export async function openPdf(bytes: Uint8Array, file: string, packages: PdfPackages): Promise<PdfDocument> {
  if (!bytes.length) throw new CliError(EXIT.failed, `${file}: empty file (0 bytes), not a PDF`);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new CliError(EXIT.failed, `${file}: not a PDF (no %PDF- header)`);
  const task = packages.pdfjs.getDocument({
    // PDF.js takes the buffer over: give it a copy, the caller may still need the bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: packages.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: packages.standardFontDataUrl,
    // No password is ever tried: an encrypted PDF is refused with a message.
    password: undefined,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    throw new CliError(EXIT.failed, `${file}: ${openFailure(error as Error)}`);
  }
  if (doc.numPages < 1) throw new CliError(EXIT.failed, `${file}: the PDF has no pages`);
  if (doc.numPages > LIMITS.pages)
    throw new CliError(EXIT.failed, `${file}: ${doc.numPages} pages, over the ${LIMITS.pages} an edition holds: refused`);
  return doc;
}

function openFailure(error: Error): string {
  switch (error?.name) {
    case 'PasswordException':
      return 'the PDF is encrypted (it asks for a password): export it without a password, or decrypt it first (qpdf --decrypt)';
    case 'InvalidPDFException':
      return `damaged or not a PDF (${error.message})`;
    default:
      return `the PDF could not be read (${error?.message ?? String(error)})`;
  }
}

/** 2-D affine matrices as PDF writes them: [a, b, c, d, e, f]. */
type Matrix = number[];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const points = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** Light paint (white, the paper's own tint) draws nothing a reader sees as a rule. */
function isLight(color: string | undefined): boolean {
  const hex = /^#([0-9a-f]{6})$/i.exec(color ?? '')?.[1];
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.9;
}

/**
 * One page's content in page units. `drawn`: the operators the page was drawn from
 * (./drawn-operators.ts), so that PDF.js does not read them again; without it they are asked for.
 */
export async function readPage(page: PdfPage, packages: PdfPackages, source: string, drawn?: OperatorList): Promise<PdfPageContent> {
  const viewport = page.getViewport({ scale: PT });
  const width = viewport.width;
  const height = viewport.height;
  if (!(width > 0 && height > 0) || width > LIMITS.pageUnits || height > LIMITS.pageUnits)
    throw new CliError(EXIT.failed, `${source}: a page of ${Math.round(width / PT)} × ${Math.round(height / PT)} pt: refused`);
  const { rules, short, fills, images, fonts } = await readGraphics(page, packages, viewport.transform, width * height, source, drawn);
  const content = await page.getTextContent({ includeMarkedContent: false });
  const runs: PdfRun[] = [];
  let unmapped = 0;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const text = item.str;
    if (!text.trim()) continue;
    if (runs.length >= MAX_RUNS) throw new CliError(EXIT.failed, `${source}: more than ${MAX_RUNS} runs of text on one page: refused`);
    const t = packages.pdfjs.Util.transform(viewport.transform, item.transform);
    const style = content.styles[item.fontName];
    const size = Math.hypot(t[2], t[3]);
    const vertical = !!style?.vertical || Math.abs(t[1]) > Math.abs(t[0]);
    const advance = item.width * PT;
    const ascent = style?.ascent && style.ascent > 0.5 && style.ascent < 1.5 ? Math.min(style.ascent, 1) : 0.88;
    const font = fonts.get(item.fontName);
    // Glyphs PDF.js could not map to Unicode come out as control characters or private-use ones.
    unmapped += text.match(/(?![\t\n\r])[\p{Cc}\p{Co}\uFFFD]/gu)?.length ?? 0;
    runs.push({
      text,
      ...(vertical ? { x: t[4] - size / 2, y: t[5], w: size, h: advance } : { x: t[4], y: t[5] - ascent * size, w: advance, h: size }),
      size,
      font: font?.name ?? '',
      bold: !!font?.bold,
      vertical,
    });
  }
  // Bars too short for rules that are underscores in small type (./bars.ts).
  rules.push(...barsInType(short, runs));
  return { source, width, height, runs, rules, fills, images, unmapped };
}

interface FontFacts {
  name: string;
  bold: boolean;
}

/** Walks the page's operators with the graphics state: rules, filled boxes, images, and the fonts used. */
async function readGraphics(page: PdfPage, packages: PdfPackages, base: Matrix, area: number, source: string, drawn?: OperatorList) {
  const { OPS } = packages.pdfjs;
  const list = drawn ?? (await page.getOperatorList());
  if (list.fnArray.length > MAX_OPS)
    throw new CliError(EXIT.failed, `${source}: more than ${MAX_OPS} drawing operations on one page: refused`);
  const rules: PdfRule[] = [];
  // Thin horizontal marks shorter than a rule: kept by readPage where they are underscores in small type.
  const short: PdfRule[] = [];
  const fills: PdfRule[] = [];
  const images: Box[] = [];
  const fonts = new Map<string, FontFacts>();
  let ctm: Matrix = base;
  let lineWidth = 1;
  let fill: string | undefined = '#000000';
  let stroke: string | undefined = '#000000';
  // Paint at zero opacity draws nothing (a viewer's invisible hit areas, printed along).
  let fillAlpha = 1;
  let strokeAlpha = 1;
  type State = { ctm: Matrix; lineWidth: number; fill?: string; stroke?: string; fillAlpha: number; strokeAlpha: number };
  const stack: State[] = [];
  const scale = () => Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
  const painted = (box: Box, paint: 'stroke' | 'fill', color: string | undefined) => {
    const thin = Math.min(box.w, box.h) <= 6;
    // Light paint draws no rule; a light box stays (a photo's placeholder tone, a shaded panel).
    if (isLight(color) && (thin || paint === 'stroke')) return;
    if (thin && Math.max(box.w, box.h) >= 4) rules.push({ ...box, paint, color });
    else if (thin && box.w > box.h && short.length < MAX_SHORT_BARS) short.push({ ...box, paint, color });
    else if (!thin && box.w * box.h < area * 0.8) fills.push({ ...box, paint, color });
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, lineWidth, fill, stroke, fillAlpha, strokeAlpha });
        break;
      case OPS.restore:
        ({ ctm, lineWidth, fill, stroke, fillAlpha, strokeAlpha } = stack.pop() ?? {
          ctm,
          lineWidth,
          fill,
          stroke,
          fillAlpha,
          strokeAlpha,
        });
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as number[]);
        break;
      case OPS.setLineWidth:
        lineWidth = args[0] as number;
        break;
      case OPS.setGState:
        for (const [key, value] of args[0] as [string, unknown][]) {
          if (key === 'LW') lineWidth = value as number;
          else if (key === 'ca') fillAlpha = value as number;
          else if (key === 'CA') strokeAlpha = value as number;
        }
        break;
      case OPS.setFillRGBColor:
        fill = args[0] as string;
        break;
      case OPS.setStrokeRGBColor:
        stroke = args[0] as string;
        break;
      case OPS.setFillGray:
      case OPS.setFillCMYKColor:
      case OPS.setFillColorN:
        fill = typeof args[0] === 'string' ? args[0] : undefined;
        break;
      case OPS.setStrokeGray:
      case OPS.setStrokeCMYKColor:
      case OPS.setStrokeColorN:
        stroke = typeof args[0] === 'string' ? args[0] : undefined;
        break;
      case OPS.constructPath: {
        const op = args[0] as number;
        const minMax = args[2] as ArrayLike<number> | undefined;
        if (op === OPS.endPath || !minMax || !Number.isFinite(minMax[0])) break;
        const box = boxOf(ctm, minMax[0], minMax[1], minMax[2], minMax[3]);
        const strokes = op !== OPS.fill && op !== OPS.eoFill;
        const fills_ = op !== OPS.stroke && op !== OPS.closeStroke;
        if (fills_ && fillAlpha > 0.05) painted(box, 'fill', fill);
        if (strokes && strokeAlpha > 0.05) {
          const lw = Math.max(lineWidth * scale(), 0.5);
          if (box.w > 3 * lw && box.h > 3 * lw) {
            // A stroked rectangle (a frame): its four edges are rules.
            painted({ x: box.x - lw / 2, y: box.y - lw / 2, w: box.w + lw, h: lw }, 'stroke', stroke);
            painted({ x: box.x - lw / 2, y: box.y + box.h - lw / 2, w: box.w + lw, h: lw }, 'stroke', stroke);
            painted({ x: box.x - lw / 2, y: box.y - lw / 2, w: lw, h: box.h + lw }, 'stroke', stroke);
            painted({ x: box.x + box.w - lw / 2, y: box.y - lw / 2, w: lw, h: box.h + lw }, 'stroke', stroke);
          } else painted({ x: box.x - lw / 2, y: box.y - lw / 2, w: box.w + lw, h: box.h + lw }, 'stroke', stroke);
        }
        break;
      }
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
        images.push(boxOf(ctm, 0, 0, 1, 1));
        break;
      // The display optimiser's groups (./drawn-operators.ts): each image where its own transform puts it.
      case OPS.paintImageXObjectRepeat: {
        const [, scaleX, scaleY, at] = args as [unknown, number, number, ArrayLike<number>];
        for (let k = 0; k + 1 < at.length; k += 2) images.push(boxOf(multiply(ctm, [scaleX, 0, 0, scaleY, at[k], at[k + 1]]), 0, 0, 1, 1));
        break;
      }
      case OPS.paintImageMaskXObjectRepeat: {
        const [, a, b, c, d, at] = args as [unknown, number, number, number, number, ArrayLike<number>];
        for (let k = 0; k + 1 < at.length; k += 2) images.push(boxOf(multiply(ctm, [a, b, c, d, at[k], at[k + 1]]), 0, 0, 1, 1));
        break;
      }
      case OPS.paintImageMaskXObjectGroup:
        for (const { transform } of args[0] as { transform: Matrix }[]) images.push(boxOf(multiply(ctm, transform), 0, 0, 1, 1));
        break;
      case OPS.paintInlineImageXObjectGroup:
        for (const { transform } of args[1] as { transform: Matrix }[]) images.push(boxOf(multiply(ctm, transform), 0, 0, 1, 1));
        break;
      case OPS.setFont: {
        const id = args[0] as string;
        if (!fonts.has(id) && page.commonObjs.has(id)) {
          const font = page.commonObjs.get(id) as { name?: string; bold?: boolean; black?: boolean } | undefined;
          const name = (font?.name ?? '').replace(/^[A-Z]{6}\+/, '');
          fonts.set(id, { name, bold: !!font?.bold || !!font?.black || /bold|black|heavy|[-_ ]?(w[7-9]|[7-9]00)\b/i.test(name) });
        }
        break;
      }
    }
  }
  return { rules, short, fills, images, fonts };
}
