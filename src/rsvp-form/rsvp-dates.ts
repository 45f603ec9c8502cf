/**
 * The dates of the event a form registers for, worked out off the render path (a recurrence rule
 * loads ical.js), as a reactive controller: the host renders again when they are ready.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Occurrence } from '../feed/occurrences.js';
import type { CivicEvent, Feed } from '../feed/types.js';
import { singleOccurrence, upcomingOccurrences } from './rsvp-occurrences.js';

/** The dates of one event, from one copy of the feed. */
export interface Dates {
  feed: Feed;
  eventId: string;
  ready: boolean;
  /** A one-off event's (or an override's) occurrence. */
  single?: Occurrence;
  /** A series' upcoming occurrences. */
  list: Occurrence[];
}

export class EventDates {
  private shown?: Dates;
  private next?: Dates;

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * The dates for `event` in `feed`, starting their computation when they are not known yet. While
   * a fresh copy of the feed is being worked out, the dates already shown stay, so the form (and
   * what the visitor typed into it) is not taken down and put back.
   */
  of(event: CivicEvent, feed: Feed, recurring: boolean): Dates {
    const shown = this.shown?.eventId === event.id ? this.shown : undefined;
    if (shown?.feed === feed) return shown;
    if (this.next?.feed === feed && this.next.eventId === event.id) return shown ?? this.next;
    const dates: Dates = { feed, eventId: event.id, ready: false, list: [] };
    this.next = dates;
    const work = recurring
      ? upcomingOccurrences(event, feed, Date.now()).then((list) => {
          dates.list = list;
        })
      : singleOccurrence(event, feed).then((single) => {
          dates.single = single;
        });
    void work
      .catch((error: unknown) => console.error('[civic-widgets] could not work out the event’s dates', error))
      .finally(() => {
        dates.ready = true;
        if (this.next !== dates) return;
        this.shown = dates;
        this.next = undefined;
        this.host.requestUpdate();
      });
    return shown ?? dates;
  }
}
