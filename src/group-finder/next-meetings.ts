import type { ReactiveControllerHost } from 'lit';
import { displayZone } from '../feed/display-zone.js';
import { expandOccurrences, type Occurrence } from '../feed/occurrences.js';
import type { CivicEvent, Feed } from '../feed/types.js';
import { OccurrencesController } from '../shared/occurrences-controller.js';

/** How far ahead a group's meetings are looked for. */
const HORIZON_DAYS = 400;
const DAY = 86_400_000;

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
    timeZone: displayZone({ feed: feed.timezone }),
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

type Question = readonly [feed: Feed, now: number | undefined, perGroup: number, groups: string];

/**
 * Keeps the next meetings of the groups on screen: expanding every group's recurrence rules up
 * front would cost a thousand-group feed a visible pause, so the groups shown and not yet known
 * are asked of the shared occurrences controller (recurrence may load ical.js), then the host
 * renders again. A batch dropped for a newer one is asked again within it.
 */
export class NextMeetingsController {
  private key: unknown[] = [];
  private byGroup = new Map<string, CivicEvent[]>();
  private meetings = new Map<string, Occurrence[]>();
  /** Groups whose meetings are known since the inputs last changed. */
  private known = new Set<string>();
  /** Groups shown since the inputs last changed. */
  private shown = new Set<string>();
  private readonly answers: OccurrencesController<Question, Map<string, Occurrence[]> | undefined>;

  constructor(host: ReactiveControllerHost) {
    this.answers = new OccurrencesController<Question, Map<string, Occurrence[]> | undefined>(host, ([feed, now, perGroup, groups]) =>
      nextMeetings(feed, now === undefined ? new Date() : new Date(now), perGroup, JSON.parse(groups) as string[], this.byGroup).catch(
        // A rule that cannot be expanded (ical.js failed to load) leaves the cards without meetings.
        () => undefined,
      ),
    );
  }

  /** The meetings known so far for `groups` of `feed`; asks for the ones not yet known. */
  of(feed: Feed, now: Date | undefined, perGroup: number, groups: readonly { id: string }[]): ReadonlyMap<string, Occurrence[]> {
    const key = [feed, now?.getTime(), perGroup];
    if (key.some((k, i) => k !== this.key[i])) {
      this.key = key;
      this.byGroup = eventsByGroup(feed.events);
      this.meetings = new Map();
      this.known = new Set();
      this.shown = new Set();
    }
    this.takeAnswer(feed, now, perGroup);
    for (const group of groups) if (this.byGroup.has(group.id)) this.shown.add(group.id);
    const wanted = [...this.shown].filter((id) => !this.known.has(id));
    if (wanted.length) this.answers.ask([feed, now?.getTime(), perGroup, JSON.stringify(wanted)]);
    return this.meetings;
  }

  /** Keeps the meetings of the last answer, when it answers the inputs in force. */
  private takeAnswer(feed: Feed, now: Date | undefined, perGroup: number): void {
    const question = this.answers.answered;
    const found = this.answers.value;
    if (!question || question[0] !== feed || question[1] !== now?.getTime() || question[2] !== perGroup) return;
    const ids = JSON.parse(question[3]) as string[];
    if (ids.every((id) => this.known.has(id))) return;
    for (const id of ids) this.known.add(id);
    for (const [id, list] of found ?? []) this.meetings.set(id, list);
  }
}
