import type { HashChanges, HashKey } from '../elements/e-paper/hash.js';
import type { HashSyncController, HashViewer } from './hash-sync.js';

/**
 * The viewer's hold on the URL hash ({@link HashSyncController}, a module of its own): loads that
 * module once `hash-sync` is first on, and passes on to it; what is written before it is in is
 * written once it is.
 */
export class HashSlot {
  #hash?: HashSyncController;
  /** The module on its way (never rejects). */
  #loading?: Promise<unknown>;

  constructor(
    private readonly host: HashViewer & { readonly hasUpdated: boolean },
    /** The hash changed (or the viewer connected) while this viewer keeps it. */
    private readonly changed: (param: (key: HashKey) => string | undefined) => void,
  ) {}

  /** Before each update of the viewer: `hash-sync` on loads the module; turned off, the hash is let go. */
  update(hashSyncChanged: boolean): void {
    if (hashSyncChanged && !this.host.hashSync) this.#hash?.release();
    if (!this.host.hashSync || this.#loading) return;
    // Turned on after the first render, as when it was always there: the hash is read from its next change on.
    let quiet = this.host.hasUpdated;
    this.#loading = import('./hash-sync.js').then(
      (m) => {
        this.#hash = new m.HashSyncController(this.host, (param) => quiet || this.changed(param));
        quiet = false;
      },
      (error: unknown) => {
        this.#loading = undefined;
        console.warn('e-paper: the module that keeps the URL hash could not be loaded', error);
      },
    );
  }

  /** Resolves once the module is in (or failed) if it is on its way; undefined otherwise. */
  get pending(): Promise<unknown> | undefined {
    return this.#hash ? undefined : this.#loading;
  }

  /** The value the hash gives `key`, when this viewer keeps the hash. */
  param(key: HashKey): string | undefined {
    return this.#hash?.param(key);
  }

  /** Writes `changes` into the hash (with `hash-sync`); once the module is in, if it is on its way. */
  write(changes: HashChanges): void {
    if (this.#hash) this.#hash.write(changes);
    else void this.#loading?.then(() => this.#hash?.write(changes));
  }
}
