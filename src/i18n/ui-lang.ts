import { isServer, type ReactiveElement } from 'lit';
import { registered } from './localize.js';

/**
 * The elements whose `lang` a viewer may inherit, nearest first: its ancestors, across shadow
 * roots, up to the nearest with a `lang` (whose it inherits); else up to the host page's `<html>`
 * (whose `lang` a site may set later).
 */
function langChain(el: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Node | null = el; (node = node.parentNode ?? (node as ShadowRoot).host ?? null);)
    if ((node as Element).getAttribute && chain.push(node as Element) && (node as Element).getAttribute('lang')) break;
  return chain;
}

/**
 * The UI language of a viewer with no `lang` of its own: the nearest ancestor's `lang`, across
 * shadow roots up to the host page's `<html>`; else the edition's language (`editionLang`, once
 * known); else the first of the browser's preferred languages (`navigator.languages`) that the
 * viewer has strings for: Chinese or English, the built-in ones, or one a site gave with
 * `registerStrings` (`ja` for a browser's `ja-JP`); else `zh-CN`. An empty `lang` counts as
 * none. The edition's language comes before the browser's: a page that says no language is most
 * likely in its edition's, and so is its reader.
 */
export function inheritedLang(el: Element, editionLang?: string): string {
  return (
    langChain(el).pop()?.getAttribute('lang') ||
    editionLang ||
    (!isServer &&
      navigator.languages?.find((tag) =>
        ['zh', 'en', ...registered.map(([lang]) => lang)].some((lang) => `${tag}-`.toLowerCase().startsWith(`${lang}-`.toLowerCase())),
      )) ||
    'zh-CN'
  );
}

/**
 * Renders `host` again as soon as the `lang` it inherits changes (an SPA's language switch sets
 * `<html lang>`, or gives a section around the viewer a `lang` of its own): while it is connected,
 * observes the `lang` of each ancestor up to the one `inheritedLang` reads it from (`langChain`),
 * and the chain anew after each change (a removed `lang` hands over to the next ancestor's; one
 * set nearer stops the chain there).
 */
export function observeInheritedLang(host: ReactiveElement): void {
  let observer: MutationObserver | undefined;
  const observe = () => {
    (observer ??= new MutationObserver(() => {
      observe();
      host.requestUpdate();
    })).disconnect();
    for (const node of langChain(host)) observer.observe(node, { attributeFilter: ['lang'] });
  };
  host.addController({ hostConnected: observe, hostDisconnected: () => observer?.disconnect() });
}
