/**
 * The dates of the event a form registers for, worked out off the render path (a recurrence rule
 * loads ical.js) by the shared occurrences controller: the host renders again when they are ready.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Occurrence } from '../feed/occurrences.js';
import type { CivicEvent, Feed } from '../feed/types.js';
import { OccurrencesController } from '../shared/occurrences-controller.js';
import { seriesSessionsOf, singleOccurrence, upcomingOccurrences } from './rsvp-occurrences.js';

/** Which dates a form needs: a one-off event's, a series' upcoming ones to pick from, or every session of a series taken whole. */
export type DatesKind = 'single' | 'upcoming' | 'series';

/** The dates of one event, from one copy of the feed. */
export interface Dates {
  feed: Feed;
  eventId: string;
  ready: boolean;
  /** A one-off event's (or an override's) occurrence. */
  single?: Occurrence;
  /** A series' upcoming occurrences; for a series taken whole, all its sessions. */
  list: Occurrence[];
  /** For a series taken whole: the series and its overrides, which its .ics holds. */
  seriesEvents?: CivicEvent[];
}

/** By the event's id: an event picked in a calendar may come as a new object on each render. */
type Question = readonly [eventId: string, feed: Feed, kind: DatesKind];

export class EventDates {
  private readonly answers: OccurrencesController<Question, Dates>;
  /** The event last asked about. */
  private event?: CivicEvent;

  constructor(host: ReactiveControllerHost) {
    this.answers = new OccurrencesController<Question, Dates>(host, async ([eventId, feed, kind]) => {
      const event = this.event!;
      const dates: Dates = { feed, eventId, ready: true, list: [] };
      try {
        if (kind === 'upcoming') dates.list = await upcomingOccurrences(event, feed, Date.now());
        else if (kind === 'single') dates.single = await singleOccurrence(event, feed);
        else ({ sessions: dates.list, events: dates.seriesEvents } = await seriesSessionsOf(event, feed));
      } catch (error) {
        console.error('[civic-widgets] could not work out the event’s dates', error);
      }
      return dates;
    });
  }

  /**
   * The dates for `event` in `feed`, starting their computation when they are not known yet. While
   * a fresh copy of the feed is being worked out, the dates already shown stay, so the form (and
   * what the visitor typed into it) is not taken down and put back.
   */
  of(event: CivicEvent, feed: Feed, kind: DatesKind): Dates {
    this.event = event;
    this.answers.ask([event.id, feed, kind]);
    const shown = this.answers.value;
    if (shown?.eventId === event.id) return shown;
    return { feed, eventId: event.id, ready: false, list: [] };
  }
}
