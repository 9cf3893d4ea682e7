import { validEdition, type EditionError } from './validate-core.js';
import type { Edition } from './schema.js';

/** Why a load failed, for the message the reader sees and the `e-paper-error` event. */
export type LoadFailure = 'network' | 'http' | 'timeout' | 'too-large' | 'empty' | 'not-json' | 'invalid';

export class EditionLoadError extends Error {
  override name = 'EditionLoadError';
  constructor(
    readonly failure: LoadFailure,
    message: string,
    readonly problems: EditionError['problems'] = [],
  ) {
    super(message);
  }
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Give up after this long without the whole body. */
  timeoutMs?: number;
  /** Refuse bodies larger than this many bytes. */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** A positive finite number, or the fallback (attributes such as `load-timeout="soon"` give NaN). */
const positiveOr = (value: number | undefined, fallback: number) =>
  typeof value === 'number' && value > 0 && Number.isFinite(value) ? value : fallback;

/** `800 ms`, `20 s`: a duration as the messages give it. */
const duration = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`);

/**
 * The text of the body's bytes: UTF-8 (a UTF-8 byte-order mark is dropped), or UTF-16 when the
 * bytes start with its byte-order mark (as some Windows tools save JSON).
 */
function decode(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** Reads the body as text, stopping at `maxBytes`. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    // Let go of the connection at once: unread, the body would keep it open.
    void response.body?.cancel().catch(() => {});
    throw new EditionLoadError('too-large', `the file is larger than ${maxBytes} bytes`);
  }
  if (!response.body) return decode(new Uint8Array(await response.arrayBuffer()));
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => {});
      throw new EditionLoadError('too-large', `the file is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return decode(bytes);
}

/**
 * A signal that aborts when `a` or `b` does, with its reason. `AbortSignal.any` came in Safari 17.4
 * and Firefox 124; before them, listeners stand in (removed once it aborts).
 */
export function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  for (const source of [a, b]) {
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    source.addEventListener('abort', () => controller.abort(source.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}

/**
 * Fetches the text of a JSON file as the viewer loads its data: same-origin credentials, a time
 * limit, a size limit, and the body decoded. Every failure is an {@link EditionLoadError}
 * (network, http, timeout, too-large, empty); an abort through `signal` rejects with its reason.
 */
export async function fetchText(url: string | URL, options: LoadOptions = {}): Promise<string> {
  const { signal } = options;
  // At most about 24 days: AbortSignal.timeout throws beyond its range.
  const timeoutMs = Math.min(positiveOr(options.timeoutMs, DEFAULT_TIMEOUT_MS), 2 ** 31 - 1);
  const maxBytes = positiveOr(options.maxBytes, DEFAULT_MAX_BYTES);
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? eitherSignal(signal, timeout) : timeout;
  let text: string;
  try {
    const response = await fetch(url, { signal: combined, credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      throw new EditionLoadError('http', `the server answered ${response.status} ${response.statusText}`.trim());
    }
    text = await readText(response, maxBytes);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof EditionLoadError) throw error;
    if (timeout.aborted) throw new EditionLoadError('timeout', `no complete answer within ${duration(timeoutMs)}`);
    throw new EditionLoadError('network', 'the network request failed');
  }
  if (!text.trim()) throw new EditionLoadError('empty', 'the file is empty');
  return text;
}

/** The words of a failed load (load-failure.ts), loaded when one fails; a test puts a failing loader here. */
export const failureWords = { load: () => import('./load-failure.js') };

/**
 * The load error for an {@link EditionError} thrown while checking the fetched `text`, in words
 * (load-failure.ts, loaded now: a load that passes never needs them); `what` names the data. If
 * they cannot be loaded, the data is invalid all the same, with its problems.
 */
export const failedLoad = (error: unknown, text: string, what?: string): Promise<EditionLoadError> =>
  failureWords.load().then(
    ({ parseFailure }) => parseFailure(error, text, what),
    () => new EditionLoadError('invalid', 'the data does not match the format', (error as EditionError).problems),
  );

/**
 * Fetches and validates an edition. Every failure is an {@link EditionLoadError} whose `cause`
 * names the kind of fault; an abort through `signal` rejects with the signal's reason.
 */
export async function loadEdition(url: string | URL, options: LoadOptions = {}): Promise<Edition> {
  const text = await fetchText(url, options);
  try {
    return await validEdition(undefined, text);
  } catch (error) {
    throw await failedLoad(error, text);
  }
}
