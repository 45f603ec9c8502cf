/**
 * The "add to my calendar" file for a registration: an .ics Blob URL, made once per registration,
 * let go (revoked) when the registration is no longer shown or the host leaves the page. The
 * writer is the calendar's (shared/add-to-calendar.ts), loaded only when there is a registration.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Occurrence } from '../feed/occurrences.js';
import type { CivicEvent } from '../feed/types.js';
import { IcsFileUrls } from '../shared/ics-file-urls.js';

let icsModule: Promise<typeof import('../shared/add-to-calendar.js')> | undefined;
const icsWriter = () => (icsModule ??= import('../shared/add-to-calendar.js'));

/** What a registration holds a seat in: one occurrence, or every session of a series (with its overrides). */
export type Registered = Occurrence | { series: CivicEvent; events: readonly CivicEvent[]; feedTimeZone?: string };

interface File {
  owner: object;
  href?: string;
  download?: string;
}

export class CalendarFile implements ReactiveController {
  private file?: File;
  private readonly urls = new IcsFileUrls();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.drop();
  }

  /**
   * The link for `what` (registered as `owner`, any object naming the registration), or
   * undefined until the file is ready; the host renders again when it is.
   * @param uidDomain makes the event's UID globally unique (the endpoint's host)
   * @param untitled names an event without a title, in the form's language
   */
  for(owner: object, what: Registered, uidDomain: string, untitled = ''): { href: string; download: string } | undefined {
    if (this.file?.owner !== owner) {
      this.drop();
      const file: File = { owner };
      this.file = file;
      void icsWriter().then(({ occurrenceIcs, seriesIcs, icsFileName }) => {
        if (this.file !== file) return;
        const text = 'series' in what
          ? seriesIcs(what.series, what.events, { uidDomain, untitled, feedTimeZone: what.feedTimeZone })
          : occurrenceIcs(what, { uidDomain, untitled });
        file.href = this.urls.add(text);
        file.download = icsFileName('series' in what ? what.series : what.event, untitled);
        this.host.requestUpdate();
      });
    }
    const { href, download } = this.file!;
    return href && download ? { href, download } : undefined;
  }

  /** Lets the file go. */
  drop(): void {
    this.urls.revoke();
    this.file = undefined;
  }
}
