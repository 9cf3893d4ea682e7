/**
 * The theme switcher in Storybook's toolbar (light, dark, a sample brand): each theme is a set of
 * `--e-paper-*` knob values on a wrapper around the story (they inherit into the elements) plus
 * the `theme` attribute the viewer and the reader take. A site does the same on its own page.
 */
import { html } from 'lit';
import type { Decorator, Preview } from '@storybook/web-components';
import { cssProps } from '../../src/internal/css-props.js';
import { darkTokens } from '../../src/internal/styles/tokens.js';
import { readerDarkTokens } from '../../src/elements/e-paper-reader/e-paper-reader.styles.js';

export type ThemeName = 'light' | 'dark' | 'brand' | 'brand-dark';

export interface StoryTheme {
  title: string;
  /** The `theme` attribute of <e-paper> and <e-paper-reader>. */
  attribute: 'light' | 'dark';
  /** The host page around the viewer. */
  page: { background: string; color: string };
  /** Knob values, set on an ancestor of the elements. */
  knobs: Record<`--e-paper-${string}`, string>;
}

/** A sample brand: navy and blue for the viewer's UI; the printed page keeps its own red. */
const BRAND: StoryTheme['knobs'] = {
  '--e-paper-surface': '#d9e3ee',
  '--e-paper-paper': '#fffdf8',
  '--e-paper-ink': '#14213d',
  '--e-paper-ui-ink': '#14213d',
  '--e-paper-accent': '#ffd166',
  '--e-paper-accent-ink': '#14213d',
  '--e-paper-focus': '#d9480f',
  '--e-paper-region-tint': 'rgb(11 92 138 / 0.10)',
  '--e-paper-region-outline': '#0b5c8a',
  '--e-paper-region-read-tint': 'rgb(20 33 61 / 0.05)',
  '--e-paper-tooltip-bg': '#0b5c8a',
  '--e-paper-tooltip-ink': '#ffffff',
  '--e-paper-toolbar-bg': '#14213d',
  '--e-paper-toolbar-ink': '#ffffff',
  '--e-paper-reader-backdrop': 'rgb(20 33 61 / 0.7)',
  '--e-paper-reader-width': '34em',
  '--e-paper-font-ui': '"Avenir Next", "Segoe UI", "Noto Sans SC", system-ui, sans-serif',
  // Its dark values: the same navy and blue at night; the page takes the dark paper by default.
  '--e-paper-surface-dark': '#0b1322',
  '--e-paper-ui-ink-dark': '#e8eef6',
  '--e-paper-accent-dark': '#ffd166',
  '--e-paper-accent-ink-dark': '#14213d',
  '--e-paper-focus-dark': '#ff8c42',
  '--e-paper-region-tint-dark': 'rgb(111 177 245 / 0.16)',
  '--e-paper-region-outline-dark': '#6fb1f5',
  '--e-paper-tooltip-bg-dark': '#dbe8f5',
  '--e-paper-tooltip-ink-dark': '#14213d',
  '--e-paper-toolbar-bg-dark': '#14213d',
  '--e-paper-toolbar-ink-dark': '#ffffff',
};

export const THEMES: Record<ThemeName, StoryTheme> = {
  light: {
    title: 'Light (defaults)',
    attribute: 'light',
    page: { background: '#ffffff', color: '#1f1f1f' },
    knobs: {},
  },
  dark: {
    title: 'Dark (defaults)',
    attribute: 'dark',
    page: { background: '#0f0e0c', color: '#ece7dc' },
    knobs: {},
  },
  brand: {
    title: 'Brand (a sample: navy and blue)',
    attribute: 'light',
    page: { background: '#eef3f8', color: '#14213d' },
    knobs: BRAND,
  },
  'brand-dark': {
    title: 'Brand, dark',
    attribute: 'dark',
    page: { background: '#0b1322', color: '#e8eef6' },
    knobs: BRAND,
  },
};

/**
 * The dark theme's private values, for a story's wrapper: <e-paper> and the reader switch to them
 * themselves, a part shown alone inherits them from the wrapper as it would from the viewer.
 */
const DARK_VALUES: Record<string, string> = Object.fromEntries(
  `${darkTokens.cssText}${readerDarkTokens.cssText}`
    .split(';')
    .filter(Boolean)
    .map((declaration) => [declaration.slice(0, declaration.indexOf(':')), declaration.slice(declaration.indexOf(':') + 1)]),
);

export const themeNames = Object.keys(THEMES) as ThemeName[];

export const themeOf = (globals: Record<string, unknown> | undefined): StoryTheme =>
  THEMES[(globals?.theme as ThemeName) ?? 'light'] ?? THEMES.light;

/** The `theme` attribute for a story: the story's own arg, else the toolbar's theme. */
export const themeAttribute = (args: { theme?: unknown }, globals: Record<string, unknown> | undefined): 'light' | 'dark' =>
  args.theme === 'light' || args.theme === 'dark' ? args.theme : themeOf(globals).attribute;

/** The toolbar control. */
export const globalTypes = {
  theme: {
    description: 'Theme of the viewer: a set of --e-paper-* knobs and the theme attribute',
    toolbar: {
      title: 'Theme',
      icon: 'paintbrush' as const,
      items: themeNames.map((value) => ({ value, title: THEMES[value].title })),
      dynamicTitle: true,
    },
  },
} satisfies Preview['globalTypes'];

/**
 * Wraps every story in its theme. `parameters.themePadding` (CSS length, default 16px) pads the
 * wrapper; full-bleed stories (the viewer) set it to 0.
 */
export const withTheme: Decorator = (story, context) => {
  const theme = themeOf(context.globals);
  const padding = (context.parameters.themePadding as string | undefined) ?? '16px';
  const fill = context.viewMode === 'docs' ? null : '100vh';
  return html`<div
    class="e-paper-story-theme"
    data-theme=${(context.globals.theme as string | undefined) ?? 'light'}
    ${cssProps({
      ...theme.knobs,
      ...(theme.attribute === 'dark' ? DARK_VALUES : {}),
      'color-scheme': theme.attribute,
      background: theme.page.background,
      color: theme.page.color,
      padding,
      'min-height': fill,
      'box-sizing': 'border-box',
    })}
  >
    ${story()}
  </div>`;
};
