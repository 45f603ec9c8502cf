// Stops `npm test` at once, with a useful message, on a machine that has no Chromium.
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const path = findChromium();
if (!existsSync(path)) {
  console.error(`The browser tests need Chromium and none was found (looked for $CHROME_PATH and ${path}).
Install Debian's package:   sudo apt-get update && sudo apt-get install -y chromium
or point CHROME_PATH at a Chrome or Chromium binary:   CHROME_PATH=/path/to/chrome npm test`);
  process.exit(1);
}
