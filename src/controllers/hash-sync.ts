import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { claimHash, hashParam, hashWith, releaseHash, type HashChanges, type HashKey } from '../elements/e-paper/hash.js';

/** A viewer that may keep the URL hash (its `hash-sync` attribute). */
export interface HashViewer extends ReactiveControllerHost, HTMLElement {
  hashSync: boolean;
}

/**
 * Keeps the URL hash in step with the viewer (`#page=A2&article=ID`, and `date=` with an archive)
 * when `hash-sync` is on and no other viewer on the page keeps it (src/elements/e-paper/hash.ts):
 * reads it when the viewer connects and when it changes, writes it without adding history entries.
 */
export class HashSyncController implements ReactiveController {
  constructor(
    private readonly host: HashViewer,
    /** The hash changed (or the viewer connected) while this viewer keeps it. */
    private readonly changed: (param: (key: HashKey) => string | undefined) => void,
  ) {
    host.addController(this);
  }

  /** `hash-sync` is asked for and no other viewer on the page keeps the hash. */
  get owns(): boolean {
    return this.host.hashSync && this.host.isConnected && claimHash(this.host);
  }

  /** The value the hash gives `key`, when this viewer keeps the hash. */
  param(key: HashKey): string | undefined {
    return this.owns ? hashParam(location.hash, key) : undefined;
  }

  /** Writes `changes` into the hash, when this viewer keeps it. */
  write(changes: HashChanges): void {
    if (!this.owns) return;
    const next = hashWith(location.hash, changes);
    if (next !== location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${next}`);
  }

  /** This viewer no longer keeps the hash (`hash-sync` went off). */
  release(): void {
    releaseHash(this.host);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onHashChange);
    this.#onHashChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
    releaseHash(this.host);
  }

  readonly #onHashChange = (): void => {
    if (this.owns) this.changed((key) => hashParam(location.hash, key));
  };
}
