/**
 * Warnings for webmasters who misconfigure a widget, with a link to the README section that helps.
 * The production bundle replaces `DEV_MODE` with `false`, so Rollup drops the calls.
 */
declare const process: { env: { NODE_ENV?: string } } | undefined;
const DEV_MODE = typeof process === 'undefined' || process.env.NODE_ENV !== 'production';

const README = 'https://github.com/civic-widgets/civic-widgets#';
const said = new Set<string>();

export function devWarn(code: string, message: string, anchor = 'embedding'): void {
  if (!DEV_MODE || said.has(code)) return;
  said.add(code);
  console.warn(`[civic-widgets] ${message} See ${README}${anchor}`);
}
