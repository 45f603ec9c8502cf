import type { ReactiveControllerHost } from 'lit';
import { occurrencesIn, type Occurrence } from '../feed/occurrences.js';
import type { CivicEvent } from '../feed/types.js';
import { OccurrencesController } from '../shared/occurrences-controller.js';
import { place, type Placed } from './layout.js';

/** The window asked for: instants, and the zones that place the times. */
export interface ExpansionRequest {
  events: readonly CivicEvent[];
  from: number;
  to: number;
  timeZone: string;
  feedTimeZone?: string;
}

type Question = readonly [events: readonly CivicEvent[], from: number, to: number, timeZone: string, feedTimeZone: string | undefined];

interface Answer {
  occurrences: readonly Occurrence[];
  placed: Placed[];
}

/** Each kept window's occurrences with the days they cover, placed once (see `occurrencesIn`). */
const placedOf = new WeakMap<readonly Occurrence[], Placed[]>();

/**
 * The occurrences of the period on screen, from the feed layer's kept windows, through the shared
 * occurrences controller; the calendar's own part is placing each on the days it covers.
 */
export class OccurrenceController {
  private readonly answers: OccurrencesController<Question, Answer>;

  constructor(host: ReactiveControllerHost) {
    this.answers = new OccurrencesController<Question, Answer>(host, async ([events, from, to, timeZone, feedTimeZone]) => {
      let occurrences: readonly Occurrence[];
      try {
        occurrences = await occurrencesIn(events, { from: new Date(from), to: new Date(to), timeZone, feedTimeZone });
      } catch {
        // ical.js could not load: the period shows no events rather than the last period's.
        occurrences = [];
      }
      let placed = placedOf.get(occurrences);
      if (!placed) placedOf.set(occurrences, (placed = occurrences.map(place)));
      return { occurrences, placed };
    });
  }

  static keyOf(request: ExpansionRequest): string {
    return `${request.from}|${request.to}|${request.timeZone}|${request.feedTimeZone ?? ''}`;
  }

  /** The occurrences of the last window that finished, each with the days it covers. */
  get placed(): Placed[] {
    return this.answers.value?.placed ?? [];
  }

  get occurrences(): readonly Occurrence[] {
    return this.answers.value?.occurrences ?? [];
  }

  /** The key of the window `placed` belongs to ('' before the first answer). */
  get doneKey(): string {
    const answered = this.answers.answered;
    if (!answered) return '';
    const [, from, to, timeZone, feedTimeZone] = answered;
    return OccurrenceController.keyOf({ events: answered[0], from, to, timeZone, feedTimeZone });
  }

  /** True while the window last asked for has not been answered yet. */
  get pending(): boolean {
    return this.answers.pending;
  }

  /** Asks for a window; does nothing when it is the one already asked for. */
  request(request: ExpansionRequest): void {
    this.answers.ask([request.events, request.from, request.to, request.timeZone, request.feedTimeZone]);
  }
}
