import { unsafeCSS } from 'lit';

/**
 * The viewer's UI font stack, to close with a generic family: the site's choice
 * (`--e-paper-font-ui`, through the private `--_font-ui` of tokens.ts); the CJK faces of common systems (Linux,
 * macOS and iOS, Windows), by name, because a browser looks for a missing glyph in the families the
 * stack names before the system's own fallback, and would otherwise fetch the next one; then the UI
 * font the viewer ships ('e-paper UI', src/i18n/ui-font.ts) for machines with none of them. Each
 * named face has the Traditional characters too; a Traditional Chinese site that wants its own
 * forms names its faces in `--e-paper-font-ui`. The names are written as in the edition's fallback
 * faces (src/edition/fonts.ts), which the bundle's compression then takes once; a plain string, as
 * a list of families alone is no stylesheet for the template minifier.
 */
export const uiFont = unsafeCSS(
  'var(--_font-ui),"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei","e-paper UI"',
);
