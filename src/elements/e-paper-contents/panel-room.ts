/**
 * The room of a panel that hangs from the toolbar (the list's, the offline part's): from the
 * toolbar `host` is slotted into to the foot of the viewer or of the window, whichever comes
 * first, so the panel never runs out of either; and its end lined up with the toolbar's.
 * Set as `--_room` and `--_end` on `host`, which its styles read.
 */
export function fitPanelUnderToolbar(host: HTMLElement): void {
  const bar = host.parentElement?.getBoundingClientRect();
  if (!bar) return;
  const foot = Math.min(host.parentElement?.parentElement?.getBoundingClientRect().bottom ?? innerHeight, innerHeight);
  host.style.setProperty('--_room', `${Math.max(foot - bar.bottom - 12, 160)}px`);
  host.style.setProperty('--_end', `${bar.right - host.getBoundingClientRect().right}px`);
}
