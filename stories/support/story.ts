/** Helpers the stories share. */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';

/** What a viewer story expects, for tests/stories.test.ts (and a reader of the story). */
export interface ViewerExpectation {
  /** `ready`: e-paper-ready fires; `error`: e-paper-error fires with one of `causes`; `loading`: neither, the skeleton shows. */
  state: 'ready' | 'error' | 'loading';
  causes?: string[];
}

/** Resolves once the viewer shows its page: at once if it already does, else on `e-paper-ready`. */
export function whenReady(viewer: EPaper, timeoutMs = 15_000): Promise<void> {
  if (viewer.shadowRoot?.querySelector('e-paper-page')) {
    return new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('e-paper-ready did not fire')), timeoutMs);
    viewer.addEventListener('e-paper-ready', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** The arg that Storybook's actions fill for an event the manifest lists: e-paper-ready → onEPaperReady. */
export const actionArg = (event: string): string => `on${event.replace(/(?:^|-)([a-z])/g, (_m, c: string) => c.toUpperCase())}`;

/**
 * Sends the element's events to Storybook's Actions panel: for each of `events`, the handler
 * Storybook put in `args` (from the manifest's @fires), if any. Element position:
 * `<e-paper ${actions(args, ['e-paper-ready'])}>`.
 */
class ActionsDirective extends Directive {
  private bound = new Map<string, EventListener>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('actions() goes in element position');
  }

  render(_args: object, _events: readonly string[]) {
    return nothing;
  }

  override update(part: ElementPart, [args, events]: [object, readonly string[]]) {
    for (const [event, listener] of this.bound) part.element.removeEventListener(event, listener);
    this.bound.clear();
    for (const event of events) {
      const handler = (args as Record<string, unknown>)[actionArg(event)];
      if (typeof handler !== 'function') continue;
      const listener = (e: Event) => (handler as (detail: unknown) => void)((e as CustomEvent).detail ?? e);
      part.element.addEventListener(event, listener);
      this.bound.set(event, listener);
    }
    return nothing;
  }
}

export const actions = directive(ActionsDirective);

/** `value` unless it is empty: for optional attributes bound with ifDefined(). */
export const orUndefined = <T>(value: T | '' | null | undefined): T | undefined => (value === '' || value === null ? undefined : value);
