/**
 * The UI language of a viewer with no `lang` of its own: the nearest ancestor's `lang`, across
 * shadow roots up to the host page's `<html>`; else the edition's language (`editionLang`, once
 * known); else `zh-CN`. An empty `lang` counts as none.
 */
export function inheritedLang(el: Element, editionLang?: string): string {
  for (let node: Node | null = el; (node = node.parentNode ?? (node as ShadowRoot).host ?? null);) {
    const lang = (node as Element).getAttribute?.('lang');
    if (lang) return lang;
  }
  return editionLang || 'zh-CN';
}
