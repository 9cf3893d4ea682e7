/**
 * The bundles' decorator helper (src/internal/decorate.ts), against the compiler's own: the test
 * runner compiles `@property` with esbuild's helper, and the same members decorated by ours must
 * come out the same (a field, and an accessor as `<e-paper>`'s `lang`).
 */
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import decorate from '../../src/internal/decorate.js';

/** The shape both ways must give: Lit's options for each property, and the prototype's accessors. */
function shape(element: typeof LitElement, names: string[]) {
  void element.observedAttributes; // finalizes the class
  return names.map((name) => {
    const descriptor = Object.getOwnPropertyDescriptor(element.prototype, name);
    const { type, attribute, reflect, state: internal } = element.getPropertyOptions(name) as Record<string, unknown>;
    return { name, type, attribute, reflect, internal, get: typeof descriptor?.get, set: typeof descriptor?.set };
  });
}

class ByCompiler extends LitElement {
  @property({ type: Number, attribute: 'page-count' }) pageCount = 1;
  @property({ reflect: true }) mode = 'page';
  @state() open = false;
  #lang = '';
  @property()
  override get lang(): string {
    return this.#lang || 'zh-CN';
  }
  override set lang(value: string) {
    this.#lang = value;
  }
  override render() {
    return html`${this.lang} ${this.pageCount} ${this.mode} ${this.open}`;
  }
}
customElements.define('decorate-by-compiler', ByCompiler);

class ByHelper extends LitElement {
  declare pageCount: number;
  declare mode: string;
  declare open: boolean;
  #lang = '';
  constructor() {
    super();
    this.pageCount = 1;
    this.mode = 'page';
    this.open = false;
  }
  override get lang(): string {
    return this.#lang || 'zh-CN';
  }
  override set lang(value: string) {
    this.#lang = value;
  }
  override render() {
    return html`${this.lang} ${this.pageCount} ${this.mode} ${this.open}`;
  }
}
decorate([property({ type: Number, attribute: 'page-count' })], ByHelper.prototype, 'pageCount', void 0);
decorate([property({ reflect: true })], ByHelper.prototype, 'mode', void 0);
decorate([state()], ByHelper.prototype, 'open', void 0);
decorate([property()], ByHelper.prototype, 'lang', null);
customElements.define('decorate-by-helper', ByHelper);

const names = ['pageCount', 'mode', 'open', 'lang'];

describe('decorate (the bundles’ decorator helper)', () => {
  it('declares the same properties as the compiler’s helper', () => {
    expect(shape(ByHelper, names)).to.deep.equal(shape(ByCompiler, names));
    expect(ByHelper.observedAttributes).to.deep.equal(ByCompiler.observedAttributes);
  });

  it('gives reactive fields and a reactive accessor, with attributes, as the compiler’s does', async () => {
    for (const tag of ['decorate-by-compiler', 'decorate-by-helper']) {
      const element = await fixture<ByHelper>(testHtml`<div></div>`).then((host) => {
        host.innerHTML = `<${tag} page-count="3" lang="en"></${tag}>`;
        return host.firstElementChild as ByHelper;
      });
      await element.updateComplete;
      expect(element.shadowRoot!.textContent, tag).to.equal('en 3 page false');
      element.mode = 'text';
      element.open = true;
      element.lang = 'zh-Hant';
      await element.updateComplete;
      expect(element.shadowRoot!.textContent, tag).to.equal('zh-Hant 3 text true');
      expect(element.getAttribute('mode'), tag).to.equal('text');
      element.setAttribute('lang', 'en-GB');
      await element.updateComplete;
      expect(element.lang, tag).to.equal('en-GB');
      expect(element.shadowRoot!.textContent, tag).to.equal('en-GB 3 text true');
    }
  });

  it('applies the last decorator first and defines the descriptor they return', () => {
    const calls: string[] = [];
    const target = {};
    const first = (_: object, key: PropertyKey) => void calls.push(`first ${String(key)}`);
    const last = (_: object, key: PropertyKey, descriptor?: PropertyDescriptor) => {
      calls.push(`last ${String(key)} ${descriptor === undefined}`);
      return { value: 7, enumerable: true };
    };
    decorate([first, last], target, 'x', void 0);
    expect(calls).to.deep.equal(['last x true', 'first x']);
    expect((target as { x: number }).x).to.equal(7);
    decorate([first], target, 'y', void 0);
    expect(Object.hasOwn(target, 'y')).to.equal(false);
  });

  it('hands an accessor’s own descriptor to its decorators', () => {
    const target = {
      get z() {
        return 1;
      },
    };
    let seen: PropertyDescriptor | undefined;
    decorate([(_, __, descriptor) => void (seen = descriptor)], target, 'z', null);
    expect(seen?.get).to.equal(Object.getOwnPropertyDescriptor(target, 'z')!.get);
  });
});
