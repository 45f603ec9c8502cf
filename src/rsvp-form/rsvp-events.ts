/**
 * The events `<civic-rsvp-form>` fires. They bubble and cross shadow roots, so a page can listen on
 * `document`. None carries the visitor's name, email or answers: those go to the endpoint only.
 */

/** What every RSVP event says about the submission it concerns. */
export interface RsvpSubmissionDetail {
  /** The event registered for (the series' id for an occurrence of a recurring event). */
  eventId: string;
  /** The chosen occurrence's start, for recurring events; `series` for a registration for every session of a series (`rsvp.mode: "series"`). */
  occurrence?: string;
  /** The submission's idempotency key: the same in every event about it. */
  idempotencyKey: string;
  /** Where it is sent. */
  endpoint: string;
}

/** Detail of `civic-rsvp-submit`: a valid submission is being sent for the first time. */
export type RsvpSubmitDetail = RsvpSubmissionDetail;

/** Detail of `civic-rsvp-queued`: no server answered; the submission is kept and will be retried. */
export interface RsvpQueuedDetail extends RsvpSubmissionDetail {
  /** True when it is kept in this browser's storage (survives the page), false when in memory only (`no-store`). */
  persisted: boolean;
  /** Attempts made so far. */
  attempts: number;
  /** When the next attempt is due (ms since the epoch); coming back online tries sooner. */
  nextAttemptAt: number;
}

/** Detail of `civic-rsvp-confirmed`: the server took the registration. */
export interface RsvpConfirmedDetail extends RsvpSubmissionDetail {
  status: 'confirmed' | 'waitlisted';
  /** Place on the waitlist, when waitlisted. */
  position?: number;
  /** The server's own message, if it sent one. */
  message?: string;
  /** The server already had a registration for this email and date: it stored nothing new, and `status` is that registration's. */
  alreadyRegistered?: true;
  /** Where the visitor can cancel (the page the form links to). */
  cancelUrl?: string;
}

/** Detail of `civic-rsvp-failed`: the server refused the registration. */
export interface RsvpFailedDetail extends RsvpSubmissionDetail {
  /** `full` (409), `invalid` (422, see `errors`), `refused` (any other 4xx), or `expired`: the event ended before any server answered, and the kept submission was deleted unsent. */
  reason: 'full' | 'invalid' | 'refused' | 'expired';
  /** The HTTP status (0 for `expired`: no server answered). */
  httpStatus: number;
  /** For `invalid`: messages by field (`name`, `email`, `answers.<question id>`, …). */
  errors?: Record<string, string>;
  message?: string;
}

declare global {
  interface HTMLElementEventMap {
    'civic-rsvp-submit': CustomEvent<RsvpSubmitDetail>;
    'civic-rsvp-queued': CustomEvent<RsvpQueuedDetail>;
    'civic-rsvp-confirmed': CustomEvent<RsvpConfirmedDetail>;
    'civic-rsvp-failed': CustomEvent<RsvpFailedDetail>;
  }
  // They bubble to the document, so listening there is typed too.
  interface DocumentEventMap {
    'civic-rsvp-submit': CustomEvent<RsvpSubmitDetail>;
    'civic-rsvp-queued': CustomEvent<RsvpQueuedDetail>;
    'civic-rsvp-confirmed': CustomEvent<RsvpConfirmedDetail>;
    'civic-rsvp-failed': CustomEvent<RsvpFailedDetail>;
  }
}
