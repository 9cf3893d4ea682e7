import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    // CI and the developers' machines reach no network beyond the package registries.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
    // Its own Vite config: the repo's vite.config.ts builds the library bundle (lib mode) and serves the demo.
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // The A1 edition and its fonts, at the same path as in the repo (the test runner serves the repo
  // root), so a story's `src` works in Storybook and in tests/stories.test.ts alike.
  staticDirs: [{ from: '../demo/editions', to: '/demo/editions' }],
};

export default config;
