/**
 * A reader process of `e-paper import pdf` (./pool.ts): told the packages' paths and the
 * options, it reads the files it is given one at a time (./read-file.ts) and reports each
 * file's page count, pages and failures. It ends when the command disconnects.
 */
import { loadPdfPackages, type PdfPackages } from './load.js';
import type { FromReader, ToReader } from './pool.js';
import { failureOf, readPdfFile, type FileEvents, type FileOptions } from './read-file.js';

const tell = (message: FromReader) => process.send?.(message);
const waiting = new Map<number, (labels: string[]) => void>();
let started: Promise<{ packages: PdfPackages; options: FileOptions }> | undefined;
let queue: Promise<void> = Promise.resolve();

async function read(f: number, file: string): Promise<void> {
  const events: FileEvents = {
    labels: (count) => {
      const given = new Promise<string[]>((resolve) => waiting.set(f, resolve));
      tell({ type: 'count', f, count });
      return given;
    },
    page: (page) => tell({ type: 'page', f, page }),
    failed: (failure) => tell({ type: 'failed', f, failure }),
  };
  try {
    const { packages, options } = await started!;
    await (
      await readPdfFile(file, packages, options, events)
    ).written;
  } catch (error) {
    tell({ type: 'failed', f, failure: failureOf(file, error) });
  }
  tell({ type: 'done', f });
}

process.on('message', (message: ToReader) => {
  switch (message.type) {
    case 'start':
      started = loadPdfPackages(() => {}, message.paths).then((packages) => ({ packages, options: message.options }));
      break;
    case 'file':
      queue = queue.then(() => read(message.f, message.file));
      break;
    case 'labels':
      waiting.get(message.f)?.(message.labels);
      waiting.delete(message.f);
      break;
  }
});
process.on('disconnect', () => {
  void queue.then(() => process.exit(0));
});
