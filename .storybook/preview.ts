import type { Preview } from '@storybook/web-components';
import { setCustomElementsManifest } from '@storybook/web-components';
// The elements' API from their JSDoc (npm run manifest): each docs page lists attributes,
// properties, events, slots, CSS parts and custom properties from it.
import manifest from '../custom-elements.json';
import { define } from '../src/define.js';
import { globalTypes, withTheme } from '../stories/support/themes.js';
import { VIEWPORTS } from '../stories/support/viewports.js';

define();
setCustomElementsManifest(manifest);

/**
 * Controls only for what a story can set: attributes, knobs and story args. The manifest's
 * properties, events, slots and parts stay in the docs table, documented, without a control.
 */
const documentedOnly: NonNullable<Preview['argTypesEnhancers']>[number] = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      const readOnly = category === 'properties' || category === 'events' || category === 'slots' || category === 'css shadow parts';
      return [name, readOnly ? { ...argType, control: false as const } : argType];
    }),
  );

const preview: Preview = {
  decorators: [withTheme],
  argTypesEnhancers: [documentedOnly],
  globalTypes,
  initialGlobals: { theme: 'light' },
  parameters: {
    options: { storySort: { order: ['Guides', ['Restyling', '*'], 'Viewer', 'Parts'] } },
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'none' },
    // The theme switcher colours the canvas.
    backgrounds: { disable: true },
    viewport: { options: VIEWPORTS },
    // Fail the a11y panel's checks (and any a11y test run) on a violation.
    a11y: { test: 'error' },
    // Show code: the story's own markup, without the theme wrapper.
    docs: { toc: true, source: { excludeDecorators: true } },
  },
  tags: ['autodocs'],
};

export default preview;
