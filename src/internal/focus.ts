/** True when keys typed at `target` edit text (so arrows, Page keys and letters belong to it, not to the viewer). */
export function isTextField(target: EventTarget | null | undefined): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit'].includes(target.type);
  }
  return target instanceof HTMLElement && target.isContentEditable;
}
