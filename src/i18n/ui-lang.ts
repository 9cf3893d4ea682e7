import { isServer, type ReactiveElement } from 'lit';

/**
 * The element whose `lang` a viewer inherits: its nearest ancestor with a `lang`, across shadow
 * roots up to the host page's `<html>`; else the topmost element (that `<html>`, whose `lang` a
 * site may set later).
 */
function langHolder(el: Element): Element {
  let holder = el;
  for (let node: Node | null = el; (node = node.parentNode ?? (node as ShadowRoot).host ?? null);)
    if ((node as Element).getAttribute && ((holder = node as Element), holder.getAttribute('lang'))) break;
  return holder;
}

/**
 * The UI language of a viewer with no `lang` of its own: the nearest ancestor's `lang`, across
 * shadow roots up to the host page's `<html>`; else the edition's language (`editionLang`, once
 * known); else the first of the browser's preferred languages (`navigator.languages`) that is
 * Chinese or English, the built-in ones; else `zh-CN`. An empty `lang` counts as none. The
 * edition's language comes before the browser's: a page that says no language is most likely in
 * its edition's, and so is its reader.
 */
export function inheritedLang(el: Element, editionLang?: string): string {
  return (
    langHolder(el).getAttribute('lang') ||
    editionLang ||
    (!isServer && navigator.languages?.find((tag) => /^(zh|en)\b/i.test(tag))) ||
    'zh-CN'
  );
}

/**
 * Renders `host` again as soon as the `lang` it inherits changes (an SPA's language switch sets
 * `<html lang>`): while it is connected, observes the `lang` of the element `inheritedLang` reads
 * it from (`langHolder`), and that element anew after each change (a removed `lang` hands over to
 * the next ancestor's). A `lang` given later to an element nearer the host is seen once the host
 * is connected again.
 */
export function observeInheritedLang(host: ReactiveElement): void {
  let observer: MutationObserver | undefined;
  const observe = () => {
    (observer ??= new MutationObserver(() => {
      observe();
      host.requestUpdate();
    })).disconnect();
    observer.observe(langHolder(host), { attributeFilter: ['lang'] });
  };
  host.addController({ hostConnected: observe, hostDisconnected: () => observer?.disconnect() });
}
