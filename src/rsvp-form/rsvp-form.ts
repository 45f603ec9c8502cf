import type { RsvpFormHost } from './rsvp-form-host.js';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoadedFeed } from '../feed/types.js';
import { CivicElement } from '../shared/civic-element.js';
import type { CivicEventSelectDetail } from '../shared/events.js';
import { LazyPart } from '../shared/lazy-part.js';
import type { RsvpFormView, Wanted } from './rsvp-views.js';
import { OutboxLink } from './outbox/outbox-link.js';
import { shellStyles } from './rsvp-shell.styles.js';

export type * from './rsvp-events.js';

/**
 * Registration for one event that loses no one: capacity, waitlist, the event's own questions, a
 * field for access needs, validation that helps, and a submission that survives a bad network
 * (kept on the device and sent again, with the same idempotency key, until a server answers).
 *
 * It registers for `event-id`, or, without one inside `<civic-feed>`, for whatever a visitor picks
 * in a calendar (`civic-event-select`). For a recurring event the visitor picks the date.
 *
 * Privacy: name and email go to the RSVP endpoint only (no cookies, no referrer) and appear in no
 * event detail. A submission waiting to be sent is kept in `localStorage` under
 * `civic-widgets:rsvp:v1:` and deleted as soon as a server answers; `no-store` keeps it in memory
 * only, which means a visitor who closes the page before the network returns loses it. The answer
 * to a kept submission delivered when no form was waiting for it (a later page) is kept under
 * `civic-widgets:rsvp-outcome:v1:` without name, email or answers, and shown by the next form for
 * its event until the visitor hides it or the event ends.
 *
 * Spam: a honeypot field nobody sees (filled in, the form pretends success and sends nothing), and
 * a minimum fill time: a submission within 3 s of the form appearing is held until 3 s have
 * passed, then sent, so a fast human is never turned away.
 *
 * @summary Registration for one event: capacity, waitlist, questions, access needs, offline-safe.
 *
 * @event civic-rsvp-submit - A valid submission is sent for the first time. `detail: { eventId, occurrence?, idempotencyKey, endpoint }`.
 * @event civic-rsvp-queued - No server answered; the submission is kept and retried. `detail: { …, persisted, attempts, nextAttemptAt }`.
 * @event civic-rsvp-confirmed - The server took it (2xx), or already had this email's registration (`alreadyRegistered`). `detail: { …, status: 'confirmed' | 'waitlisted', position?, message?, alreadyRegistered?, cancelUrl? }`.
 * @event civic-rsvp-failed - The server refused it (409 full, 422 invalid, other 4xx). Or the event ended before any server answered (`reason: 'expired'`; the kept submission is deleted). `detail: { …, reason, httpStatus, errors?, message? }`.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 *
 * @csspart base - The wrapper of everything below.
 * @csspart title - The heading, "Register for …".
 * @csspart details - The list of when, where and seats.
 * @csspart sessions - For a series taken whole (`rsvp.mode: "series"`): the sessions the registration holds a seat in.
 * @csspart notice - Why the form does not take registrations now (full, closed, not yet open, cancelled).
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown when the form cannot be sent, with links to the fields.
 * @csspart field - One field: its label, help, error and control.
 * @csspart label - A field's label (or legend).
 * @csspart help - A field's help text.
 * @csspart field-error - A field's error message.
 * @csspart input - A text field, text area or select.
 * @csspart privacy - The note on where name and email go.
 * @csspart submit - The submit button ("Register" or "Join the waitlist").
 * @csspart status - The live region: sending, saved for later, sent.
 * @csspart confirmation - What shows once registered or waitlisted.
 * @csspart calendar-link - The "Add to my calendar" download.
 * @csspart cancel-link - The link to the server's page where the visitor cancels (same tab).
 * @csspart outcome - The answer to a registration kept on the device and delivered later, with its "Hide this message" button.
 * @csspart again - The "Register someone else" button.
 * @csspart error - The feed's error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 *
 * @cssprop --civic-color-accent - The submit button and links (default: the page's link colour).
 * @cssprop --civic-color-error - The bars and borders that mark errors (default: #b3261e).
 * @cssprop --civic-color-border - Field borders (default: the text colour, faded).
 * @cssprop --civic-color-surface - Field backgrounds and the button's text (default: the page's background).
 * @cssprop --civic-color-muted - Help texts (default: the text colour, faded).
 * @cssprop --civic-radius - Corner radius of fields, buttons and panels (default: 0.375rem).
 * @cssprop --civic-space - The spacing unit (default: 1rem).
 * @cssprop --civic-focus-ring - The focus outline (default: a 3px accent outline).
 * @cssprop --civic-font-family - Font (default: inherited from the page).
 */
export class CivicRsvpForm extends CivicElement implements RsvpFormHost {
  static override styles = [...CivicElement.styles, shellStyles];

  /**
   * The shortest time between the form appearing and a submission being sent, against bots that
   * fill forms instantly. A faster submission waits, it is not refused. (Tests set it to 0.)
   */
  static minimumFillMs = 3000;

  /** The class's `minimumFillMs`, for the views (a subclass may set its own). @internal */
  get minimumFillMs(): number {
    return (this.constructor as typeof CivicRsvpForm).minimumFillMs;
  }

  /** The `id` of the event to register for. Without it, the form follows the event picked in a calendar. */
  @property({ attribute: 'event-id', reflect: true }) eventId?: string;

  /** For a recurring event: the occurrence to preselect, by its start (RFC 3339, or a date for all-day events). */
  @property({ reflect: true }) occurrence?: string;

  /** Where to send registrations; overrides the event's `rsvp.endpoint`. */
  @property({ reflect: true }) endpoint?: string;

  /** Keep no submission on this device: a registration that cannot be sent now is retried only while the page stays open. */
  @property({ type: Boolean, attribute: 'no-store', reflect: true }) noStore = false;

  /** The level of the form's heading (1–6); the headings inside it are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private selection?: CivicEventSelectDetail;

  protected override readonly views = new LazyPart<typeof import('./rsvp-views.js')>(this, 'views', () => import('./rsvp-views.js'));
  /** The form, made the first time it is shown. */
  private view?: RsvpFormView;
  /** Names the registration asked for (event and date): a new one starts from a clean form. */
  private formKey?: string;

  constructor() {
    super();
    // Answers to what earlier pages left pending may come before the data: listen from the start.
    new OutboxLink(this, (e) => this.view?.hear(e));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('civic-event-select', this.onEventSelect as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('civic-event-select', this.onEventSelect as EventListener);
  }

  private onEventSelect = (e: CustomEvent<CivicEventSelectDetail>) => {
    if (!e.detail?.event) return;
    this.selection = e.detail;
  };

  /** What to register for: `event-id`, else the event picked in a calendar. */
  private wanted(): Wanted {
    return {
      id: this.eventId ?? this.selection?.event.id,
      picked: this.eventId ? undefined : this.selection?.event,
      preset: this.eventId ? this.occurrence : (this.selection?.occurrence ?? this.occurrence),
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const has = (name: string) => (changed as Map<PropertyKey, unknown>).has(name);
    if (has('eventId') || has('selection') || has('occurrence')) {
      const { id, preset } = this.wanted();
      const key = `${id ?? ''}|${preset}`;
      // Another event (or date) is a new registration: start from a clean form.
      this.view?.restart(this.formKey !== undefined && key !== this.formKey);
      this.formKey = key;
    }
  }

  protected renderFeed(loaded: LoadedFeed): TemplateResult {
    this.view ??= new this.views.module!.RsvpFormView({
      el: this,
      t: (key, values) => this.i18n.t(key, values),
      wanted: () => this.wanted(),
      formKey: () => this.formKey,
      renewFormKey: () => {
        this.formKey = `${this.formKey}+`;
      },
    });
    return this.view.render(loaded);
  }
}
