/**
 * PDF.js's FlateDecode streams inflated by zlib at once, on this thread.
 *
 * PDF.js 5 inflates every Flate stream it reads (content streams, fonts, CMaps, images, each
 * glyph of a Type 3 font) through the global `DecompressionStream('deflate')` when there is one.
 * In Node that is a web stream over zlib's stream, run on the thread pool: about 0.3 ms of
 * streams, promises and thread hops for each stream, whatever its size. A page set in Type 3
 * fonts (Chromium prints OpenType CJK fonts so: 207 fonts, about 1,500 glyph streams on the
 * full-fonts fixture) spends 0.4–0.5 processor s there (bench/pdf-stages.mjs).
 *
 * {@link installInflate} puts in its place, for 'deflate' only, an object with the two sides
 * PDF.js uses (`writable.getWriter()`: `ready`, `write`, `close`; `readable` iterated with `for
 * await`) that inflates the bytes written with `zlib.inflateSync` when the writer closes. Every
 * other format, and any caller that wants more of the API, gets Node's own. What fails fails as
 * before: zlib's error is thrown from the iteration, and PDF.js then decodes the stream with
 * its own inflater, as it does when the native stream errs (a truncated or damaged stream).
 * The bytes that come out are zlib's, as from Node's stream: the pages read and draw the same.
 */
import { inflateSync } from 'node:zlib';

type Native = new (format: string) => { readable: unknown; writable: unknown };

/** A DecompressionStream('deflate') that inflates in one call when its writer closes. */
function atOnce(): { readable: AsyncIterable<Uint8Array>; writable: { getWriter(): unknown } } {
  const chunks: Uint8Array[] = [];
  let closed!: () => void;
  const done = new Promise<void>((resolve) => (closed = resolve));
  const writer = {
    ready: Promise.resolve(),
    closed: done,
    write(chunk: Uint8Array) {
      chunks.push(chunk);
      return Promise.resolve();
    },
    close() {
      closed();
      return done;
    },
    releaseLock() {},
  };
  return {
    writable: { getWriter: () => writer },
    readable: {
      async *[Symbol.asyncIterator]() {
        await done;
        yield new Uint8Array(inflateSync(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
      },
    },
  };
}

let installed = false;

/**
 * Replaces the global DecompressionStream for 'deflate' in this process (the command's own;
 * nothing else in it uses one). Call once PDF.js is loaded; idempotent.
 */
export function installInflate(): void {
  const global = globalThis as { DecompressionStream?: Native };
  const native = global.DecompressionStream;
  if (installed || !native) return;
  installed = true;
  global.DecompressionStream = function DecompressionStream(format: string) {
    return format === 'deflate' ? atOnce() : new native(format);
  } as unknown as Native;
}
