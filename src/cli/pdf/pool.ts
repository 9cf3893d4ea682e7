/**
 * PDF files read in reader processes, several at once (`--jobs`): each page file of an edition
 * (A01.pdf … A24.pdf) is a document of its own whose fonts PDF.js parses again, so on two
 * cores two files at a time nearly halve the import's wall time (bench/pdf-files.mjs).
 *
 * Processes, not worker threads: each reader has its own PDF.js (which patches built-ins
 * process-wide: ./load.ts), canvas and encoder, and a reader that dies (out of memory, a crash
 * in a native library) loses only the file it was reading, reported by name; a new reader takes
 * the next file. Files go out in order, one at a time to whichever reader is free; the labels
 * come from ./labels.ts in file order, and the caller puts the pages in file order, so the
 * edition is the same as when the files are read one after another.
 *
 * The reader is dist/cli/pdf-reader.js (./reader.ts), forked with the packages' paths so that
 * no reader installs or looks for them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../exit-codes.js';
import type { PdfPackagePaths } from './load.js';
import type { PageLabels } from './labels.js';
import type { FileOptions, PageRead, ReadFailure } from './read-file.js';

/** Main → reader. */
export type ToReader =
  | { type: 'start'; paths: PdfPackagePaths; options: FileOptions }
  | { type: 'file'; f: number; file: string }
  | { type: 'labels'; f: number; labels: string[] };
/** Reader → main. */
export type FromReader =
  | { type: 'count'; f: number; count: number }
  | { type: 'page'; f: number; page: PageRead }
  | { type: 'failed'; f: number; failure: ReadFailure }
  | { type: 'done'; f: number };

export interface PoolEvents {
  started(f: number): void;
  page(f: number, page: PageRead): void;
  failed(f: number, failure: ReadFailure): void;
}

const READER = fileURLToPath(new URL('./pdf-reader.js', import.meta.url));

/** Whether the reader is beside this module (it is in dist/cli/; a bundle of the sources made elsewhere has none). */
export const readerBuilt = (): boolean => existsSync(READER);

/** Reads `files` in `jobs` reader processes; settles when every file is read or reported. */
export function readInProcesses(
  files: string[],
  jobs: number,
  start: { paths: PdfPackagePaths; options: FileOptions },
  labels: PageLabels,
  events: PoolEvents,
  reader = READER,
): Promise<void> {
  let next = 0;
  let running = 0;
  return new Promise((resolve) => {
    const launch = () => {
      const child = fork(reader, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
      running++;
      let current: number | undefined;
      const send = (message: ToReader) => {
        if (child.connected) child.send(message);
      };
      const take = () => {
        if (next >= files.length) {
          current = undefined;
          child.disconnect();
          return;
        }
        current = next++;
        events.started(current);
        send({ type: 'file', f: current, file: files[current] });
      };
      child.on('message', (message: FromReader) => {
        switch (message.type) {
          case 'count':
            void labels.of(message.f, message.count).then((given) => send({ type: 'labels', f: message.f, labels: given }));
            break;
          case 'page':
            events.page(message.f, message.page);
            break;
          case 'failed':
            events.failed(message.f, message.failure);
            break;
          case 'done':
            // A file whose reader never said its page count (its packages failed to load) has none.
            void labels.of(message.f, 0);
            take();
            break;
        }
      });
      child.on('error', () => {}); // 'exit' follows, and says what happened.
      child.on('exit', (code, signal) => ended(child, current, code, signal));
      send({ type: 'start', ...start });
      take();
    };
    const ended = (_child: ChildProcess, current: number | undefined, code: number | null, signal: string | null) => {
      running--;
      if (current !== undefined) {
        const how = signal ? `was ended (${signal})` : `exited (${code})`;
        events.failed(current, {
          source: files[current],
          message: `${files[current]}: its reader process ${how} before it was read to the end`,
          code: EXIT.failed,
        });
        // Its pages not yet labelled are none; the files after it wait for its count.
        void labels.of(current, 0);
        if (next < files.length) launch();
      }
      if (running === 0) resolve();
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) launch();
  });
}
