// @ts-check
/**
 * A feed built from the clock (the sample feed, whose dates follow today), built again only when
 * the minute changes: the RSVP handler works out a feed's events once per feed object, so a new
 * object per registration would cost that work every time.
 */

/**
 * @param {(now: Date) => unknown} build
 * @param {() => Date} [now]
 * @returns {() => unknown}
 */
export function feedByMinute(build, now = () => new Date()) {
  let minute = NaN;
  /** @type {unknown} */
  let feed;
  return () => {
    const at = now();
    const current = Math.floor(at.getTime() / 60_000);
    if (current !== minute) {
      minute = current;
      feed = build(at);
    }
    return feed;
  };
}
