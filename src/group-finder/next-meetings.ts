import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isTimeZone } from '../feed/feed-date.js';
import { expandOccurrences, type Occurrence } from '../feed/occurrences.js';
import type { CivicEvent, Feed } from '../feed/types.js';

/** How far ahead a group's meetings are looked for. */
const HORIZON_DAYS = 400;
const DAY = 86_400_000;

/** The zone meetings are shown in: the feed's (the library's), else the browser's. */
export function displayZone(feed: Feed): string {
  return isTimeZone(feed.timezone) ? feed.timezone : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A feed's events by the group that holds them (an override without `groupId` belongs to its series' group). */
export function eventsByGroup(events: readonly CivicEvent[]): Map<string, CivicEvent[]> {
  const groupOf = new Map<string, string>();
  for (const event of events) if (event.groupId) groupOf.set(event.id, event.groupId);
  const out = new Map<string, CivicEvent[]>();
  for (const event of events) {
    const group = event.groupId ?? (event.seriesId ? groupOf.get(event.seriesId) : undefined);
    if (!group) continue;
    const list = out.get(group);
    if (list) list.push(event);
    else out.set(group, [event]);
  }
  return out;
}

/**
 * The next `perGroup` meetings from `now` of each group in `groups` (all of them by default): the
 * occurrences of the events whose `groupId` names it. Cancelled, postponed and rescheduled
 * occurrences stay in, with their status, so the card can say so.
 */
export async function nextMeetings(
  feed: Feed,
  now: Date,
  perGroup: number,
  groups?: readonly string[],
  byGroup: Map<string, CivicEvent[]> = eventsByGroup(feed.events),
): Promise<Map<string, Occurrence[]>> {
  const out = new Map<string, Occurrence[]>();
  const ids = groups ?? [...byGroup.keys()];
  const events = ids.flatMap((id) => byGroup.get(id) ?? []);
  if (!events.length || perGroup <= 0) return out;
  const groupOf = new Map<CivicEvent, string>();
  for (const id of ids) for (const event of byGroup.get(id) ?? []) groupOf.set(event, id);
  const occurrences = await expandOccurrences(events, {
    from: now,
    to: new Date(now.getTime() + HORIZON_DAYS * DAY),
    timeZone: displayZone(feed),
    feedTimeZone: feed.timezone,
  });
  for (const occurrence of occurrences) {
    const group = groupOf.get(occurrence.event);
    if (!group) continue;
    const list = out.get(group) ?? [];
    if (list.length < perGroup) list.push(occurrence);
    out.set(group, list);
  }
  return out;
}

/**
 * Keeps the next meetings of the groups on screen: expanding every group's recurrence rules up
 * front would cost a thousand-group feed a visible pause, so each batch of newly shown groups is
 * expanded once (recurrence may load ical.js), then the host renders again.
 */
export class NextMeetingsController implements ReactiveController {
  private key: unknown[] = [];
  private byGroup = new Map<string, CivicEvent[]>();
  private meetings = new Map<string, Occurrence[]>();
  /** Groups asked for (done or under way) since the inputs last changed. */
  private asked = new Set<string>();
  private run = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // A result that arrives after the host left is not wanted; a new one is asked for on return.
    this.run++;
    this.key = [];
  }

  /** The meetings known so far for `groups` of `feed`; asks for the ones not yet known. */
  of(feed: Feed, now: Date | undefined, perGroup: number, groups: readonly { id: string }[]): ReadonlyMap<string, Occurrence[]> {
    const key = [feed, now?.getTime(), perGroup];
    if (key.some((k, i) => k !== this.key[i])) {
      this.key = key;
      this.run++;
      this.byGroup = eventsByGroup(feed.events);
      this.meetings = new Map();
      this.asked = new Set();
    }
    const wanted = groups.map((g) => g.id).filter((id) => !this.asked.has(id) && this.byGroup.has(id));
    if (wanted.length) {
      for (const id of wanted) this.asked.add(id);
      const run = this.run;
      nextMeetings(feed, now ?? new Date(), perGroup, wanted, this.byGroup).then(
        (found) => {
          if (run !== this.run) return;
          for (const [id, list] of found) this.meetings.set(id, list);
          this.host.requestUpdate();
        },
        () => {
          // A rule that cannot be expanded (ical.js failed to load) leaves the cards without meetings.
        },
      );
    }
    return this.meetings;
  }
}
