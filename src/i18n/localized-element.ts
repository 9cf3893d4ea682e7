import { LitElement } from 'lit';
import { loadStrings } from './localize.js';

/**
 * A Lit element whose text includes UI strings in its `lang`: it renders once that language's
 * strings are here (English, Traditional Chinese and the languages hosts register are modules of
 * their own), so no other language flashes first.
 */
export class LocalizedElement extends LitElement {
  protected override async scheduleUpdate(): Promise<unknown> {
    const pending = loadStrings(this.lang);
    if (pending) await pending;
    return super.scheduleUpdate();
  }
}
