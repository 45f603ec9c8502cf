import type { ReactiveControllerHost } from 'lit';
import { expandOccurrences, type Occurrence } from '../feed/occurrences.js';
import type { CivicEvent } from '../feed/types.js';
import { place, type Placed } from './layout.js';

/** The window asked for: instants, and the zones that place the times. */
export interface ExpansionRequest {
  events: readonly CivicEvent[];
  from: number;
  to: number;
  timeZone: string;
  feedTimeZone?: string;
}

/**
 * The occurrences of the period on screen, from the feed layer's occurrence function. It is
 * asynchronous (a recurring feed loads ical.js the first time), so this keeps the last answer,
 * ignores answers to questions no longer asked, and renders the host again when one arrives.
 */
export class OccurrenceController {
  /** The occurrences of the last window that finished, each with the days it covers. */
  placed: Placed[] = [];
  occurrences: Occurrence[] = [];
  /** The key of the window `placed` belongs to. */
  doneKey = '';
  private doneEvents?: readonly CivicEvent[];
  private askedKey = '';
  private askedEvents?: readonly CivicEvent[];
  private run = 0;

  constructor(private readonly host: ReactiveControllerHost) {}

  static keyOf(request: ExpansionRequest): string {
    return `${request.from}|${request.to}|${request.timeZone}|${request.feedTimeZone ?? ''}`;
  }

  /** True while the window last asked for has not been answered yet. */
  get pending(): boolean {
    return this.askedKey !== this.doneKey || this.askedEvents !== this.doneEvents;
  }

  /** Asks for a window; does nothing when it is the one already asked for. */
  request(request: ExpansionRequest): void {
    const key = OccurrenceController.keyOf(request);
    if (key === this.askedKey && request.events === this.askedEvents) return;
    this.askedKey = key;
    this.askedEvents = request.events;
    const run = ++this.run;
    const { events, from, to, timeZone, feedTimeZone } = request;
    expandOccurrences(events as CivicEvent[], { from: new Date(from), to: new Date(to), timeZone, feedTimeZone }).then(
      (occurrences) => this.finish(run, key, events, occurrences),
      () => this.finish(run, key, events, []),
    );
  }

  private finish(run: number, key: string, events: readonly CivicEvent[], occurrences: Occurrence[]): void {
    if (run !== this.run) return;
    this.occurrences = occurrences;
    this.placed = occurrences.map(place);
    this.doneKey = key;
    this.doneEvents = events;
    this.host.requestUpdate();
  }
}
