import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium, findFirefox } from './scripts/find-chromium.mjs';
import { strictCsp, testRoutes } from './test/runner-plugins/test-routes.mjs';
import { windowedFeedRoutes } from './test/runner-plugins/windowed-feed.mjs';

const executablePath = findChromium();
// WTR_BROWSERS=chromium runs Chromium alone, for a quicker pass while working.
const firefoxPath = process.env.WTR_BROWSERS === 'chromium' ? undefined : findFirefox();
if (!firefoxPath && process.env.WTR_BROWSERS !== 'chromium') console.log('Firefox ESR not found: running the browser tests in Chromium only (apt-get install firefox-esr to add it).');

/** Browser tests in Debian's Chromium; nothing here downloads a browser. */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time, in one browser at a time: a second page would be a background tab, which
  // draws no frames (no animation, resize observer or smooth scroll) and takes no real mouse input.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 20 * 60 * 1000,
  plugins: [
    (await import('./test/runner-plugins/json-plugin.mjs')).jsonPlugin(), // the map's TopoJSON as modules
    (await import('./test/runner-plugins/rsvp-plugin.mjs')).rsvpPlugin(),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
    // Firefox ESR through puppeteer-core's WebDriver BiDi, when the machine has it (CI installs it).
    ...(firefoxPath
      ? [
        chromeLauncher({
          puppeteer: puppeteerCore,
          launchOptions: {
            browser: 'firefox',
            executablePath: firefoxPath,
            headless: true,
            // Two test pages run side by side; Firefox would run the one in the background tab's
            // timers only once a second, and tests that wait on timers would crawl.
            extraPrefsFirefox: {
              'dom.min_background_timeout_value': 4,
              'dom.timeout.enable_budget_timer_throttling': false,
            },
          },
        }),
      ]
      : []),
  ],
  // Test-only endpoints that fail, stall and revalidate on purpose: test/runner-plugins/test-routes.mjs.
  // The real serve feed routes, windowed and whole: test/runner-plugins/windowed-feed.mjs.
  middleware: [strictCsp, testRoutes, windowedFeedRoutes],
};

if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
