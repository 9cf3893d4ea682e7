import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties (custom properties included) through the element's CSSOM, never through a
 * `style` attribute, so strict-CSP host pages (no `'unsafe-inline'` styles) accept it.
 * Use in element position: `<div ${cssProps({'--_scale': '1.2'})}>`. `null`/`undefined` removes.
 */
class CssPropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProps() goes in element position');
  }

  render(_props: Record<string, string | null | undefined>) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Record<string, string | null | undefined>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) {
      if (props[name] == null) {
        style.removeProperty(name);
        this.previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, value);
      this.previous.add(name);
    }
    return nothing;
  }
}

export const cssProps = directive(CssPropsDirective);
