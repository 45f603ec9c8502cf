import { existsSync } from 'node:fs';

/** Debian's Chromium, or the browser named by CHROME_PATH. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p)) ?? '/usr/bin/chromium';
}

/** Debian's Firefox ESR, or the browser named by FIREFOX_PATH; undefined when there is none. */
export function findFirefox() {
  if (process.env.NO_FIREFOX) return undefined;
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p) => p && existsSync(p));
}
