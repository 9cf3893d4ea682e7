/**
 * Reading what the publisher gives: files (with a size cap), folders (listed, bounded), and URLs
 * (a local folder standing in for a URL prefix with `--local`, else fetched over http(s) unless
 * `--offline`). Every failure is a CliError that names the file or URL.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { CliError, EXIT } from './exit-codes.js';
import { decodePath } from '../edition/importers/common.js';

/** Bytes of one input file the command reads at most, unless `--max-bytes` says otherwise (64 MiB). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export function readBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new CliError(EXIT.noInput, `${path}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(EXIT.noInput, `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (size > maxBytes)
    throw new CliError(EXIT.failed, `${path}: ${size} bytes, over the ${maxBytes} the command reads (--max-bytes): refused`);
  return readFileSync(path);
}

export function readText(path: string, maxBytes = DEFAULT_MAX_BYTES): string {
  return new TextDecoder('utf-8').decode(readBytes(path, maxBytes)).replace(/^\uFEFF/, '');
}

/** Files under `dir` (relative paths with `/`), sorted naturally, at most `limit` of them and `depth` levels down. */
export function listFiles(dir: string, test: (name: string) => boolean, { depth = 4, limit = 20_000 } = {}): string[] {
  const out: string[] = [];
  const walk = (at: string, level: number) => {
    let entries;
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch (error) {
      throw new CliError(EXIT.noInput, `${at}: cannot be listed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory() && level < depth) walk(path, level + 1);
      else if (entry.isFile() && test(entry.name)) {
        out.push(relative(dir, path).split(sep).join('/'));
        if (out.length > limit) throw new CliError(EXIT.failed, `${dir}: more than ${limit} files: refused`);
      }
    }
  };
  walk(dir, 0);
  return out.sort(naturalOrder);
}

/** "page-2" before "page-10". */
export const naturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface ResolverOptions {
  /** `PREFIX=DIR`: URLs starting with PREFIX are read from DIR. */
  local?: string[];
  offline?: boolean;
  maxBytes?: number;
  /** Milliseconds a fetch may take. */
  timeout?: number;
}

/** Reads URLs: from a local folder when `--local` maps their prefix, else over http(s). */
export class Resolver {
  private readonly local: [string, string][];
  constructor(private readonly options: ResolverOptions = {}) {
    this.local = (options.local ?? []).map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new CliError(EXIT.usage, `--local: expected PREFIX=DIR, got "${pair}"`);
      return [pair.slice(0, at), resolve(pair.slice(at + 1))];
    });
  }

  /** The local path a URL maps to, if a `--local` prefix covers it. */
  localPath(url: string): string | undefined {
    for (const [prefix, dir] of this.local) {
      if (!url.startsWith(prefix)) continue;
      const rest = decodePath(url.slice(prefix.length).replace(/[?#].*$/, '')).replace(/^\/+/, '');
      const path = resolve(dir, rest);
      if (path !== dir && !path.startsWith(dir + sep)) throw new CliError(EXIT.noInput, `${url}: climbs out of the --local folder ${dir}`);
      return path;
    }
    return undefined;
  }

  async text(url: string): Promise<string> {
    const path = this.localPath(url);
    if (path) return readText(isDirectory(path) ? join(path, 'index.json') : path, this.options.maxBytes);
    if (!/^https?:\/\//i.test(url)) throw new CliError(EXIT.noInput, `${url}: not an http(s) URL, and no --local folder maps it`);
    if (this.options.offline) throw new CliError(EXIT.noInput, `${url}: not fetched (--offline), and no --local folder maps it`);
    const max = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeout ?? 30_000), redirect: 'follow' });
    } catch (error) {
      throw new CliError(EXIT.noInput, `${url}: could not be fetched (${(error as Error).message})`);
    }
    if (!response.ok) throw new CliError(EXIT.noInput, `${url}: HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length'));
    if (length > max) throw new CliError(EXIT.failed, `${url}: ${length} bytes, over the ${max} the command reads (--max-bytes): refused`);
    // Read in chunks so that a server that sends without end is cut at the cap.
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body?.getReader();
    for (;;) {
      const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
      if (done) break;
      total += value.length;
      if (total > max) {
        await reader?.cancel();
        throw new CliError(EXIT.failed, `${url}: over the ${max} bytes the command reads (--max-bytes): refused`);
      }
      chunks.push(value);
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks)).replace(/^\uFEFF/, '');
  }

  async json(url: string): Promise<unknown> {
    const text = await this.text(url);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new CliError(EXIT.failed, `${url}: not JSON (${(error as Error).message})`);
    }
  }
}
