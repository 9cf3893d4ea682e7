/** Cuts the fonts of the edition at `editionArg` (shared slices under `root`, or `exact`); resolves to the exit status (0, 1 or 3). */
export function subsetFonts(
  editionArg: string,
  options?: { exact?: boolean; root?: string; uiText?: string; out?: Pick<Console, 'log' | 'warn' | 'error'> },
): Promise<number>;
/** The viewer's UI text from the source of src/i18n/strings.ts. */
export function uiTextOf(stringsSource: string): string;
