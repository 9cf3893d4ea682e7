import { EditionError, parseEdition } from './validate.js';
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

/** Reads the body as text, stopping at `maxBytes`. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new EditionLoadError('too-large', `the file is larger than ${maxBytes} bytes`);
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
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
  return new TextDecoder().decode(bytes);
}

/**
 * Fetches and validates an edition. Every failure is an {@link EditionLoadError} whose `cause`
 * names the kind of fault; an abort through `signal` rejects with the signal's reason.
 */
export async function loadEdition(url: string | URL, options: LoadOptions = {}): Promise<Edition> {
  const { signal, timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let text: string;
  try {
    const response = await fetch(url, { signal: combined, credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) throw new EditionLoadError('http', `the server answered ${response.status} ${response.statusText}`.trim());
    text = await readText(response, maxBytes);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof EditionLoadError) throw error;
    if (timeout.aborted) throw new EditionLoadError('timeout', `no complete answer within ${Math.round(timeoutMs / 1000)} s`);
    throw new EditionLoadError('network', 'the network request failed');
  }
  if (!text.trim()) throw new EditionLoadError('empty', 'the file is empty');
  try {
    return parseEdition(text);
  } catch (error) {
    const problems = (error as EditionError).problems ?? [];
    const notJson = problems.length === 1 && problems[0].path === '' && problems[0].message.startsWith('not JSON');
    if (notJson) {
      const html = /^\s*</.test(text);
      throw new EditionLoadError('not-json', html ? 'the file is a web page, not edition data (JSON)' : 'the file is not valid JSON', problems);
    }
    throw new EditionLoadError('invalid', 'the edition data does not match the format', problems);
  }
}
