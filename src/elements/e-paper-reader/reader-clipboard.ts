/** Copying without the Clipboard API: the reader's fallback when `navigator.clipboard` cannot write. */
import { deepActiveElement } from '../../internal/deep-focus.js';

/** The old way: select the text in a field inside the dialog (outside it, the page is inert) and copy. */
export function copyThroughSelection(text: string, dialog: HTMLDialogElement): boolean {
  const previous = deepActiveElement();
  const field = document.createElement('textarea');
  field.value = text;
  field.readOnly = true;
  field.setAttribute('aria-hidden', 'true');
  field.style.setProperty('position', 'fixed');
  field.style.setProperty('top', '0');
  field.style.setProperty('left', '-10000px');
  field.style.setProperty('opacity', '0');
  dialog.append(field);
  let ok = false;
  try {
    field.focus({ preventScroll: true });
    field.select();
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  } finally {
    field.remove();
    (previous as HTMLElement | null)?.focus?.({ preventScroll: true });
  }
  return ok;
}
