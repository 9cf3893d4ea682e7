/** The reader's keys that act on the dialog itself: Tab kept inside it, the keys that scroll the article. */
import { deepActiveElement } from '../../internal/deep-focus.js';
import { isTextField } from '../../internal/focus.js';
import { tabbables } from './reader-helpers.js';

/** Keys that scroll the article from anywhere in the dialog. */
export const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End']);

/** Page Up/Down, Home and End scroll the article wherever focus is in the dialog. */
export function scrollByKey(event: KeyboardEvent, scroller: HTMLElement | null): void {
  const active = deepActiveElement();
  if (!scroller || event.altKey || event.ctrlKey || event.metaKey || isTextField(active)) return;
  if (active && scroller.contains(active)) return; // the browser scrolls the article itself
  event.preventDefault();
  const page = Math.max(40, scroller.clientHeight - 48);
  const top =
    event.key === 'Home' ? 0 : event.key === 'End' ? scroller.scrollHeight : scroller.scrollTop + (event.key === 'PageUp' ? -page : page);
  scroller.scrollTo({ top, behavior: 'instant' });
}

/** Keeps Tab and Shift+Tab inside the dialog, wrapping at the ends (the modal's own trap lets focus reach the browser's UI). */
export function trapTab(event: KeyboardEvent, dialog: HTMLDialogElement): void {
  const items = tabbables(dialog);
  if (!items.length) return;
  const active = deepActiveElement();
  const first = items[0];
  const last = items[items.length - 1];
  const inside = active !== null && dialog.contains(active);
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}
