import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The viewer's design tokens, one table: each public `--e-paper-<name>` custom property with its
 * default, stated here and nowhere else, and, for a colour, its dark value (the default of
 * `--e-paper-<name>-dark`). Every element takes `tokenStyles`, which feeds a private `--_<name>`
 * on its host from them; the styles read only the private ones. A default that names another
 * private token (`var(--_ui-ink)`) follows that token.
 *
 * The printed page's colours (paper, ink, spot) are apart from the viewer's UI colours (accent,
 * focus …): a site's button colour never repaints the newspaper.
 *
 * Dark: `<e-paper>` (and a dark reader) sets the `--_dark-<name>` properties of `darkTokens`, which
 * its parts inherit and which win over the light values; in the dark theme a site's light values
 * stay out (a site's cream paper under the dark theme's light ink was unreadable).
 *
 * A table, not a stylesheet, and a string: the first render carries each name and value once.
 * One entry is `name light [dark]`, without spaces inside a value (colours with alpha in hex). The reader's own tokens are in
 * its folder (reader-tokens.ts), with the reader. `<e-paper>`'s manifest takes every token's default
 * from these tables and its description from src/elements/e-paper/e-paper.docs.ts
 * (custom-elements-manifest.config.mjs); tests/internal/styles/tokens.test.ts checks the tables
 * against the manifest and the styles.
 */
export const TOKENS = table(
  // The printed page.
  'paper #fbf8f1 #22211e;ink #1a1a1a #e6e2d8;spot #c8161d #ef5350;' +
    // The viewer's UI.
    'height 85vh;surface #e9e6df #121212;ui-ink #1f1f1f #ececec;font-ui system-ui;accent #c8161d #ff8a80;accent-ink #fff #1a1a1a;' +
    'focus #1a73e8 #8ab4f8;toolbar-bg #fff #242424;toolbar-ink var(--_ui-ink) var(--_ui-ink);' +
    'region-tint #c8161d14 #ff8a8029;region-outline #c8161d #ff8a80;region-read-tint #00000009 #ffffff0f;' +
    'tooltip-bg #1f1f1f #f2ede3;tooltip-ink #fff #1a1a1a;hint-bg #141414c7 #f2ede3eb;hint-ink #fff #1a1a1a;' +
    'search-hit #ffe066 #ffe066;search-hit-ink #1a1a1a #1a1a1a;thumb-width 72px',
);

/** A token table: `[name, light, dark?][]`. */
export function table(entries: string): string[][] {
  return entries.split(';').map((entry) => entry.split(' '));
}

/** A table's private tokens on the host, from the public ones (or, in the dark theme, the dark values). */
export const tokenSheet = (tokens: string[][]): CSSResult =>
  unsafeCSS(
    `:host{${tokens.map(([name, light, dark]) => `--_${name}:${dark ? `var(--_dark-${name},` : ''}var(--e-paper-${name},${light})${dark ? ')' : ''};`).join('')}}`,
  );

/** A table's dark values, as declarations for the dark theme's rule. */
export const darkSheet = (tokens: string[][]): CSSResult =>
  unsafeCSS(tokens.map(([name, , dark]) => (dark ? `--_dark-${name}:var(--e-paper-${name}-dark,${dark});` : '')).join(''));

export const tokenStyles = tokenSheet(TOKENS);
export const darkTokens = darkSheet(TOKENS);
