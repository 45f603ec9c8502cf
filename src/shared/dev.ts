/**
 * Warnings for webmasters who misconfigure a widget, with a link to the README section that helps.
 * The script-tag bundle defines `__CIVIC_PROD__`, so Rollup drops these calls from it.
 */
declare const __CIVIC_PROD__: boolean | undefined;
/** True outside the script-tag bundle: in tests, Storybook and a developer's own build. */
export const DEV_MODE = typeof __CIVIC_PROD__ === 'undefined';

/** The README, where each anchor explains a warning. */
export const README = 'https://www.npmjs.com/package/civic-widgets#';
const said = new Set<string>();

export function devWarn(code: string, message: string, anchor = 'embed-a-widget'): void {
  if (!DEV_MODE || said.has(code)) return;
  said.add(code);
  console.warn(`[civic-widgets] ${message} See ${README}${anchor}`);
}
