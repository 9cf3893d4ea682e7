import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { CHROME_FLAGS, findBrowser } from './scripts/find-browser.js';
import { summaryReporter } from './scripts/summary-reporter.js';
import { inputPlugin } from './scripts/wtr-input-plugin.js';
import { axTreePlugin } from './scripts/wtr-ax-plugin.js';
import { faultsPlugin } from './scripts/wtr-faults-plugin.js';
import { fixturesPlugin } from './scripts/wtr-fixtures-plugin.js';
import { eventNamesPlugin } from './scripts/wtr-event-names-plugin.js';
import { offlinePlugin } from './scripts/wtr-offline-plugin.js';
import { screenshotPlugin } from './scripts/wtr-screenshot-plugin.js';

const executablePath = await findBrowser();
/**
 * For the leak test: window.gc and exact performance.memory. And the reader the tests assume, a
 * browser set to Simplified Chinese (`navigator.languages`), whatever the machine's own setting:
 * a viewer with no `lang` anywhere takes the browser's language before its edition is known
 * (tests/ui-lang.test.ts gives each of its pages its own). Tests only, not the benchmark.
 */
const TEST_ONLY_FLAGS = ['--js-flags=--expose-gc', '--enable-precise-memory-info', '--accept-lang=zh-CN'];

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  // Two cores: two browser pages at a time keeps timing-sensitive input tests steady.
  concurrency: 2,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    inputPlugin(),
    axTreePlugin(),
    faultsPlugin(),
    fixturesPlugin(),
    eventNamesPlugin(),
    offlinePlugin(),
    screenshotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: [...CHROME_FLAGS, ...TEST_ONLY_FLAGS] },
      // Each test page in a window of its own. Chrome's headless mode since 132 (what `headless`
      // means for an installed Chrome or Chromium) puts new pages in tabs of one window, and only
      // the front tab is visible: with two files at a time the other page is hidden, so it gets no
      // animation frames and throttled timers, and the viewer (rightly) waits for a frame that
      // never comes. The headless shell (@sparticuz/chromium) shows every page either way.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
