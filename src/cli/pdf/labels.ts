/**
 * The page labels of an import of PDF files, given in the order of the files whatever order
 * their readers ask in (./pool.ts reads several files at once): a one-page file named A01.pdf
 * is A1; the pages of other files are numbered on from the pages before them; a label taken
 * already gets -2, -3….
 */
import { basename } from 'node:path';

/** The page label a file name gives: A01.pdf, 2021-01-08-A01.pdf → A1; 03.pdf → 3. */
export function labelFromName(path: string): string | undefined {
  const stem = basename(path).replace(/\.pdf$/i, '');
  const match =
    /(?:^|[^A-Za-z0-9])([A-Za-z])0*(\d{1,3})$/.exec(stem) ??
    /(?:^|[^A-Za-z0-9])([A-Za-z]?)0*(\d{1,3})$/.exec(stem) ??
    /^([A-Za-z]?)0*(\d{1,3})$/.exec(stem);
  return match ? `${match[1].toUpperCase()}${match[2]}` : undefined;
}

export class PageLabels {
  /** Every label given so far. */
  readonly given = new Set<string>();
  #pages = 0;
  #next = 0;
  readonly #counts = new Map<number, number>();
  readonly #asked = new Map<number, Promise<string[]>>();
  readonly #answers = new Map<number, (labels: string[]) => void>();

  constructor(private readonly files: string[]) {}

  /**
   * The labels of file `f`'s `count` pages, once every file before it has said how many it has
   * (0 for a file that could not be opened). Asking again for a file gives the first answer.
   */
  of(f: number, count: number): Promise<string[]> {
    const asked = this.#asked.get(f);
    if (asked) return asked;
    const answer = new Promise<string[]>((resolve) => this.#answers.set(f, resolve));
    this.#asked.set(f, answer);
    this.#counts.set(f, count);
    while (this.#counts.has(this.#next)) {
      const n = this.#next++;
      this.#answers.get(n)?.(this.#label(this.files[n], this.#counts.get(n) ?? 0));
    }
    return answer;
  }

  #label(file: string, count: number): string[] {
    const fileLabel = labelFromName(file);
    const labels: string[] = [];
    for (let n = 1; n <= count; n++) {
      let label = count === 1 && fileLabel ? fileLabel : `${this.#pages + 1}`;
      for (let k = 2; this.given.has(label); k++) label = `${fileLabel ?? this.#pages + 1}-${k}`;
      this.given.add(label);
      this.#pages++;
      labels.push(label);
    }
    return labels;
  }
}
