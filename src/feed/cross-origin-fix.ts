/**
 * What to do about a feed that pages on other sites may not read (no `Access-Control-Allow-Origin`),
 * in one place: `civic-widgets feed check` prints it, a widget's console warning and the snippet
 * builder say it. Both fixes put a copy of the feed on the library's own site; neither needs a
 * third party.
 */
export interface CrossOriginFix {
  /** The command to run. */
  command: string;
  /** What it gives, in a few words. */
  gives: string;
}

export const CROSS_ORIGIN_FIXES: readonly CrossOriginFix[] = [
  { command: 'npx civic-widgets feed build civic.json -o feed.json', gives: 'a copy of the feed on your own site, from a config naming this source; run it on a schedule' },
  { command: 'npx civic-widgets serve --config civic.json', gives: 'the live feed from your own site, refreshed on its own' },
];

/** The command that tells for sure whether a page on `origin` may read `url`. */
export function feedCheckCommand(url: string, origin: string): string {
  return `npx civic-widgets feed check ${url} --origin ${origin}`;
}
