/**
 * JSON with something printed before it. WordPress sites that show PHP notices print
 * `<br /><b>Notice</b>: … on line 12<br />` ahead of a REST answer still sent as
 * `application/json`; the answer itself is fine. Only the first 64 KiB are searched for where the
 * JSON begins, and at most a few dozen candidates are tried, so a page of HTML costs little.
 */
export function jsonAfterJunk(text: string): { value: unknown; junk: string } | undefined {
  const limit = Math.min(text.length, 65_536);
  let at = text.search(/[{[]/);
  for (let tries = 0; at > 0 && at < limit && tries < 40; tries++) {
    try {
      return { value: JSON.parse(text.slice(at)), junk: text.slice(0, at) };
    } catch {
      const next = text.slice(at + 1, limit).search(/[{[]/);
      at = next < 0 ? -1 : at + 1 + next;
    }
  }
  return undefined;
}

/** A short, plain description of the junk for a warning: its tags dropped, its length stated. */
export function describeJunk(junk: string): string {
  const words = junk.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  const quoted = words.length > 200 ? `${words.slice(0, 199)}…` : words;
  return `${junk.length} characters before the JSON were skipped${quoted ? ` ("${quoted}")` : ''}`;
}
