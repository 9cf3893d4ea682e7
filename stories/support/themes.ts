/**
 * The theme switcher in Storybook's toolbar (light, dark, a sample brand): each theme is a set of
 * `--e-paper-*` knob values on a wrapper around the story (they inherit into the elements) plus
 * the `theme` attribute the viewer and the reader take. A site does the same on its own page.
 */
import { html } from 'lit';
import type { Decorator, Preview } from '@storybook/web-components';
import { cssProps } from '../../src/internal/css-props.js';

export type ThemeName = 'light' | 'dark' | 'brand';

export interface StoryTheme {
  title: string;
  /** The `theme` attribute of <e-paper> and <e-paper-reader>. */
  attribute: 'light' | 'dark';
  /** The host page around the viewer. */
  page: { background: string; color: string };
  /** Knob values, set on an ancestor of the elements. */
  knobs: Record<`--e-paper-${string}`, string>;
}

export const THEMES: Record<ThemeName, StoryTheme> = {
  light: {
    title: 'Light (defaults)',
    attribute: 'light',
    page: { background: '#ffffff', color: '#1f1f1f' },
    knobs: {},
  },
  dark: {
    title: 'Dark',
    attribute: 'dark',
    page: { background: '#0f0e0c', color: '#ece7dc' },
    knobs: {
      '--e-paper-surface': '#141311',
      '--e-paper-paper': '#24221e',
      '--e-paper-ink': '#e4dfd4',
      '--e-paper-accent': '#e5484d',
      '--e-paper-ui-ink': '#ece7dc',
      '--e-paper-focus': '#8ab4f8',
      '--e-paper-region-tint': 'rgb(229 72 77 / 0.16)',
      '--e-paper-region-outline': '#ff8a80',
      '--e-paper-region-read-tint': 'rgb(255 255 255 / 0.06)',
      '--e-paper-tooltip-bg': '#f2ede3',
      '--e-paper-tooltip-ink': '#1a1a1a',
      '--e-paper-toolbar-bg': 'rgb(44 42 37 / 0.96)',
      '--e-paper-toolbar-ink': '#ece7dc',
      '--e-paper-hint-bg': 'rgb(242 237 227 / 0.92)',
      '--e-paper-hint-ink': '#1a1a1a',
      '--e-paper-reader-backdrop': 'rgb(0 0 0 / 0.72)',
    },
  },
  brand: {
    title: 'Brand (a sample: navy and blue)',
    attribute: 'light',
    page: { background: '#eef3f8', color: '#14213d' },
    knobs: {
      '--e-paper-surface': '#d9e3ee',
      '--e-paper-paper': '#fffdf8',
      '--e-paper-ink': '#14213d',
      '--e-paper-accent': '#0b5c8a',
      '--e-paper-ui-ink': '#14213d',
      '--e-paper-focus': '#d9480f',
      '--e-paper-region-tint': 'rgb(11 92 138 / 0.10)',
      '--e-paper-region-outline': '#0b5c8a',
      '--e-paper-region-read-tint': 'rgb(20 33 61 / 0.05)',
      '--e-paper-tooltip-bg': '#0b5c8a',
      '--e-paper-tooltip-ink': '#ffffff',
      '--e-paper-toolbar-bg': '#14213d',
      '--e-paper-toolbar-ink': '#ffffff',
      '--e-paper-reader-paper': '#fffdf8',
      '--e-paper-reader-ink': '#14213d',
      '--e-paper-reader-backdrop': 'rgb(20 33 61 / 0.7)',
      '--e-paper-reader-width': '34em',
      '--e-paper-font-ui': '"Avenir Next", "Segoe UI", "Noto Sans SC", system-ui, sans-serif',
    },
  },
};

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
