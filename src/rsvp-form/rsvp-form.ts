import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Occurrence } from '../feed/occurrences.js';
import { safeUrl, WEB_SCHEMES } from '../feed/text.js';
import type { CivicEvent, Feed, LoadedFeed, Question } from '../feed/types.js';
import { CivicElement } from '../shared/civic-element.js';
import { devWarn } from '../shared/dev.js';
import type { CivicEventSelectDetail } from '../shared/events.js';
import { availability, nextChange, seatsLeft, type Availability } from './rsvp-availability.js';
import { CalendarFile } from './rsvp-calendar-file.js';
import { EventDates, type Dates } from './rsvp-dates.js';
import { questionField, renderField, type FieldOptions } from './rsvp-fields.js';
import { formatMoment, formatOption, formatWhen } from './rsvp-format.js';
import { eventZone, findOccurrence, isRecurring } from './rsvp-occurrences.js';
import { OutboxLink } from './rsvp-outbox-link.js';
import { heading, renderConfirmation, renderFacts, renderNotice, renderSummary, type SummaryEntry } from './rsvp-panels.js';
import { RsvpSubmission, type Phase, type Submission } from './rsvp-submission.js';
import { problemMessage, problemOf, readForm, validateForm, type FieldSpec } from './rsvp-validation.js';
import { styles } from './rsvp-form.styles.js';
import rsvp from '../locales/en/rsvp.js';

export type * from './rsvp-events.js';

/** What the form is registering for, resolved from the feed. */
interface Target {
  feed: Feed;
  event: CivicEvent;
  recurring: boolean;
  zone: string;
  /** A value naming the occurrence to preset (the `occurrence` attribute, or a calendar's pick). */
  preset?: string;
}

/** The questions of the occurrence shown (an override may ask its own), else of the event. */
function questionsOf(target: Target, shown: CivicEvent): Question[] {
  return shown.rsvp?.questions ?? target.event.rsvp?.questions ?? [];
}

const LIMITS = { name: 200, email: 254, answer: 2000, accommodations: 2000 } as const;
const MAX_TIMER_MS = 2 ** 31 - 1;

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
 * only, which means a visitor who closes the page before the network returns loses it.
 *
 * Spam: a honeypot field nobody sees (filled in, the form pretends success and sends nothing), and
 * a minimum fill time: a submission within 3 s of the form appearing is held until 3 s have
 * passed, then sent, so a fast human is never turned away.
 *
 * @summary Registration for one event: capacity, waitlist, questions, access needs, offline-safe.
 *
 * @event civic-rsvp-submit - A valid submission is sent for the first time. `detail: { eventId, occurrence?, idempotencyKey, endpoint }`.
 * @event civic-rsvp-queued - No server answered; the submission is kept and retried. `detail: { …, persisted, attempts, nextAttemptAt }`.
 * @event civic-rsvp-confirmed - The server took it (2xx). `detail: { …, status: 'confirmed' | 'waitlisted', position?, message? }`.
 * @event civic-rsvp-failed - The server refused it (409 full, 422 invalid, other 4xx). Or the event ended before any server answered (`reason: 'expired'`; the kept submission is deleted). `detail: { …, reason, httpStatus, errors?, message? }`.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 *
 * @csspart base - The wrapper of everything below.
 * @csspart title - The heading, "Register for …".
 * @csspart details - The list of when, where and seats.
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
export class CivicRsvpForm extends CivicElement {
  static override styles = [...CivicElement.styles, styles];
  protected static override messages = [rsvp];

  /**
   * The shortest time between the form appearing and a submission being sent, against bots that
   * fill forms instantly. A faster submission waits, it is not refused. (Tests set it to 0.)
   */
  static minimumFillMs = 3000;

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

  @state() private chosen?: string;
  @state() private selection?: CivicEventSelectDetail;

  private readonly submission = new RsvpSubmission(this, {
    t: (key, values) => this.i18n.t(key, values),
    fieldKeys: () => this.current?.fields.map((f) => f.key) ?? [],
    shows: (eventId) => {
      const event = this.current?.target.event;
      return !!event && (event.id === eventId || event.seriesId === eventId);
    },
    focusLater: (id) => {
      this.focusAfterUpdate = id;
    },
  });

  private readonly dates = new EventDates(this);
  private readonly calendarFile = new CalendarFile(this);
  private formKey?: string;
  private renderedAt?: number;
  private focusAfterUpdate?: string;
  private windowTimer?: ReturnType<typeof setTimeout>;
  /** What the last render showed, for the handlers. */
  private current?: { target: Target; dates: Dates; occurrence?: Occurrence; endpoint?: string; fields: FieldSpec[] };

  constructor() {
    super();
    // Answers to what earlier pages left pending may come before the data: listen from the start.
    new OutboxLink(this, (e) => this.submission.hear(e));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('civic-event-select', this.onEventSelect as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('civic-event-select', this.onEventSelect as EventListener);
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
  }

  private onEventSelect = (e: CustomEvent<CivicEventSelectDetail>) => {
    if (!e.detail?.event) return;
    this.selection = e.detail;
  };

  // ---- what to register for ---------------------------------------------------------------------

  private targetOf(feed: Feed): Target | undefined {
    const id = this.eventId ?? this.selection?.event.id;
    if (!id) return undefined;
    const event = feed.events.find((e) => e.id === id) ?? (this.eventId ? undefined : this.selection?.event);
    if (!event) {
      devWarn(`rsvp-unknown-event:${id}`, `<civic-rsvp-form> found no event "${id}" in its feed.`);
      return undefined;
    }
    const preset = this.eventId ? this.occurrence : (this.selection?.occurrence ?? this.occurrence);
    return { feed, event, recurring: isRecurring(event), zone: eventZone(event, feed), preset };
  }

  /** The occurrence the form is for: the event's only one, or the one picked or preset. */
  private occurrenceOf(target: Target, dates: Dates): Occurrence | undefined {
    if (!target.recurring) return dates.single;
    return findOccurrence(dates.list, this.chosen, target.zone) ?? findOccurrence(dates.list, target.preset, target.zone);
  }

  private endpointOf(event: CivicEvent): string | undefined {
    if (this.endpoint) return safeUrl(this.endpoint, document.baseURI, WEB_SCHEMES);
    return event.rsvp?.endpoint;
  }

  // ---- lifecycle ----------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const has = (name: string) => (changed as Map<PropertyKey, unknown>).has(name);
    if (has('eventId') || has('selection') || has('occurrence')) {
      // Another event (or date) is a new registration: start from a clean form.
      const key = `${this.eventId ?? this.selection?.event.id ?? ''}|${this.eventId ? this.occurrence : (this.selection?.occurrence ?? this.occurrence)}`;
      if (this.formKey !== undefined && key !== this.formKey) this.resetForm();
      this.formKey = key;
      this.chosen = undefined;
    }
  }

  protected override updated(): void {
    super.updated();
    const form = this.shadowRoot?.querySelector('form');
    if (form && this.renderedAt === undefined) this.renderedAt = Date.now();
    if (!form) this.renderedAt = undefined;
    if (this.focusAfterUpdate) {
      this.shadowRoot?.getElementById(this.focusAfterUpdate)?.focus();
      this.focusAfterUpdate = undefined;
    }
    this.scheduleWindowChange();
  }

  /** Renders again when the registration window opens or closes while the page is open. */
  private scheduleWindowChange(): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    const target = this.current?.target;
    if (!target || !this.isConnected) return;
    const event = this.current?.occurrence?.event ?? target.event;
    const at = nextChange(event, target.zone, Date.now());
    if (at === undefined || at - Date.now() > MAX_TIMER_MS) return;
    this.windowTimer = setTimeout(() => this.requestUpdate(), at - Date.now() + 50);
  }

  private resetForm(): void {
    this.submission.reset();
    this.renderedAt = undefined;
    this.calendarFile.drop();
  }

  private registerAnother = () => {
    this.resetForm();
    this.chosen = undefined;
    this.formKey = `${this.formKey}+`;
    this.focusAfterUpdate = 'rsvp-name';
  };

  // ---- rendering ----------------------------------------------------------------------------------

  private get level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    const target = this.targetOf(feed);
    if (!target) {
      this.current = undefined;
      return html`<div class="rsvp" part="base">${renderNotice(this.i18n.t('rsvpNoEvent'))}</div>`;
    }
    const dates = this.dates.of(target.event, target.feed, target.recurring);
    const occurrence = this.occurrenceOf(target, dates);
    const shown = occurrence?.event ?? target.event;
    const endpoint = this.endpointOf(shown);
    const fields = this.fieldsOf(target, shown);
    this.current = { target, dates, occurrence, endpoint, fields };
    const title = shown.title;
    return html`<div class="rsvp" part="base">
      <div part="title">${heading(this.level, this.i18n.t('rsvpFor', { title }), 'rsvp-title')}</div>
      ${this.renderDetails(target, shown, occurrence)}
      ${dates.ready ? this.renderMain(target, dates, occurrence, endpoint, fields) : nothing}
      <div class="status" part="status" role="status">${this.submission.status}</div>
    </div>`;
  }

  private renderDetails(target: Target, event: CivicEvent, occurrence?: Occurrence): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const when = occurrence ? formatWhen(occurrence, this.language, target.zone) : undefined;
    const left = seatsLeft(event);
    let seats: string | undefined;
    if (event.capacity !== undefined) {
      seats =
        event.registered === undefined
          ? t('rsvpSeatsTotal', { capacity: event.capacity })
          : t('rsvpSeatsLeft', { count: left ?? 0, capacity: event.capacity });
    }
    const place = [event.location?.name, event.location?.address].filter(Boolean).join(', ');
    const where = place || (event.attendanceMode === 'online' ? t('rsvpOnline') : undefined);
    return renderFacts({
      whenLabel: t('rsvpWhen'),
      date: when && occurrence ? { text: when.date, datetime: occurrence.start } : undefined,
      time: when?.time || undefined,
      whereLabel: t('rsvpWhere'),
      where,
      seatsLabel: t('rsvpSeats'),
      seats,
    });
  }

  private renderMain(
    target: Target,
    dates: Dates,
    occurrence: Occurrence | undefined,
    endpoint: string | undefined,
    fields: FieldSpec[],
  ): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const phase = this.submission.phase;
    if (phase.kind === 'registered') return this.renderRegistered(phase);
    if (phase.kind === 'full') {
      return html`<div class="confirmation" part="confirmation">
        ${heading(this.level + 1, t('rsvpFilledUpTitle'), 'rsvp-done-title', true)}
        <p>${t('rsvpFilledUp')}</p>
      </div>`;
    }
    if (target.recurring && !dates.list.length) return renderNotice(t('rsvpNoDates'));
    const event = occurrence?.event ?? target.event;
    const state = availability({ event, occurrence, endpoint, zone: target.zone, now: Date.now() });
    const closed = this.closedNotice(state, target.zone);
    if (closed) return closed;
    const waitlist = state.kind === 'open' && state.waitlist;
    return html`${waitlist ? renderNotice(t('rsvpFullWaitlist')) : nothing}
    ${keyed(this.formKey, this.renderForm(target, event, dates, fields, waitlist))}`;
  }

  private closedNotice(state: Availability, zone: string): TemplateResult | undefined {
    const t = this.i18n.t.bind(this.i18n);
    switch (state.kind) {
      case 'cancelled':
        return renderNotice(t('rsvpCancelled'));
      case 'ended':
        return renderNotice(t('rsvpEnded'));
      case 'offline':
        return renderNotice(t('rsvpOffline'));
      case 'not-yet-open':
        return renderNotice(t('rsvpOpensOn', { date: formatMoment(state.opensMs, this.language, zone) }));
      case 'closed':
        return renderNotice(t('rsvpClosedOn', { date: formatMoment(state.closesMs, this.language, zone) }));
      case 'full':
        return renderNotice(t('rsvpFull'));
      default:
        return undefined;
    }
  }

  /** The fields, in order: the date (recurring events), name, email, the questions, access needs. */
  private fieldsOf(target: Target, event: CivicEvent): FieldSpec[] {
    const t = this.i18n.t.bind(this.i18n);
    const fields: FieldSpec[] = [];
    if (target.recurring) fields.push({ key: 'occurrence', id: 'rsvp-occurrence', label: t('rsvpDate'), kind: 'select', required: true });
    fields.push(
      { key: 'name', id: 'rsvp-name', label: t('rsvpName'), kind: 'text', required: true },
      { key: 'email', id: 'rsvp-email', label: t('rsvpEmail'), kind: 'email', required: true },
    );
    questionsOf(target, event).forEach((q, i) => fields.push(questionField(q, i)));
    fields.push({ key: 'accommodations', id: 'rsvp-accommodations', label: t('rsvpAccommodations'), kind: 'textarea', required: false });
    return fields;
  }

  private renderForm(target: Target, event: CivicEvent, dates: Dates, fields: FieldSpec[], waitlist: boolean): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const phase = this.submission.phase;
    const busy = this.submission.busy;
    const texts = { required: t('rsvpRequired'), errorPrefix: t('rsvpErrorPrefix'), choose: t('rsvpChoose') };
    const questions = new Map(questionsOf(target, event).map((q) => [`answers.${q.id}`, q]));
    const selected = findOccurrence(dates.list, this.chosen, target.zone) ?? findOccurrence(dates.list, target.preset, target.zone);
    const optionsFor = (field: FieldSpec): FieldOptions => {
      const options: FieldOptions = { texts };
      const error = this.submission.errors.get(field.key);
      if (error) options.error = error;
      switch (field.key) {
        case 'occurrence':
          options.help = t('rsvpDateHelp', { count: dates.list.length });
          options.choices = dates.list.map((o) => ({
            value: o.start,
            label: `${formatOption(o, this.language, target.zone)}${o.event.title !== target.event.title ? ` – ${o.event.title}` : ''}`,
            selected: o === selected,
          }));
          break;
        case 'name':
          options.autocomplete = 'name';
          options.maxlength = LIMITS.name;
          break;
        case 'email':
          options.autocomplete = 'email';
          options.maxlength = LIMITS.email;
          break;
        case 'accommodations':
          options.help = t('rsvpAccommodationsHelp');
          options.maxlength = LIMITS.accommodations;
          break;
        default: {
          const question = questions.get(field.key);
          if (question?.help) options.help = question.help;
          if (question?.options) options.choices = question.options.map((o) => ({ value: o, label: o }));
          if (field.kind !== 'number') options.maxlength = LIMITS.answer;
        }
      }
      return options;
    };
    return html`<form part="form" novalidate aria-labelledby="rsvp-title" @submit=${this.onSubmit} @change=${this.onChange}>
      ${renderSummary(t('rsvpSummary', { count: this.submission.errors.size }), this.level + 1, this.summaryEntries(fields), this.focusField)}
      <div class="fields">${fields.map((field) => renderField(field, optionsFor(field)))}</div>
      <div class="hp" aria-hidden="true">
        <label for="rsvp-homepage">${t('rsvpHoneypot')}</label>
        <input id="rsvp-homepage" name="homepage" type="text" tabindex="-1" autocomplete="off" />
      </div>
      <p class="privacy" part="privacy">${t('rsvpPrivacy')}</p>
      <button type="submit" part="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${phase.kind === 'sending' ? t('rsvpSending') : waitlist ? t('rsvpJoinWaitlist') : t('rsvpSubmit')}
      </button>
    </form>`;
  }

  private summaryEntries(fields: FieldSpec[]): SummaryEntry[] {
    const byKey = new Map(fields.map((f) => [f.key, f]));
    return [...this.submission.errors].map(([key, message]) => {
      const field = byKey.get(key);
      return field ? { message, target: field.id } : { message };
    });
  }

  private renderRegistered(phase: Extract<Phase, { kind: 'registered' }>): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const title = phase.event.title;
    const zone = this.current?.target.zone ?? 'UTC';
    const date = phase.occurrence ? formatWhen(phase.occurrence, this.language, zone).date : '';
    let text: string;
    if (phase.status === 'waitlisted') {
      text = phase.position ? t('rsvpWaitlistPosition', { position: phase.position, title }) : t('rsvpWaitlistText', { title });
    } else {
      text = date ? t('rsvpConfirmedText', { title, date }) : t('rsvpConfirmed');
    }
    const file = phase.status === 'confirmed' && phase.occurrence ? this.calendarLink(phase) : undefined;
    return renderConfirmation({
      title: phase.status === 'waitlisted' ? t('rsvpWaitlisted') : t('rsvpConfirmed'),
      level: this.level + 1,
      text,
      calendar: file ? { ...file, label: t('rsvpAddToCalendar') } : undefined,
      again: t('rsvpRegisterAnother'),
      onAgain: this.registerAnother,
    });
  }

  /** The .ics link for a registration, once its file is made. */
  private calendarLink(phase: Extract<Phase, { kind: 'registered' }>): { href: string; download: string } | undefined {
    let domain = location.hostname || 'civic-widgets';
    try {
      domain = new URL(this.current?.endpoint ?? location.href).hostname || domain;
    } catch {
      // keep the page's host
    }
    return this.calendarFile.for(phase, phase.occurrence!, domain);
  }

  // ---- interaction --------------------------------------------------------------------------------

  private focusField = (id: string) => {
    const control = this.shadowRoot?.getElementById(id);
    control?.focus();
    control?.scrollIntoView?.({ block: 'center' });
  };

  /** Keeps the picked date, and clears a field's error as soon as it is fixed. */
  private onChange = (e: Event) => {
    const control = e.target as HTMLInputElement;
    const form = e.currentTarget as HTMLFormElement;
    if (control.name === 'occurrence') this.chosen = control.value || undefined;
    const errors = this.submission.errors;
    if (!errors.has(control.name)) return;
    const field = this.current?.fields.find((f) => f.key === control.name);
    if (!field) return;
    const problem = problemOf(form, field);
    const next = new Map(errors);
    if (problem) next.set(field.key, problemMessage(field, problem, this.i18n));
    else next.delete(field.key);
    this.submission.setErrors(next);
  };

  private onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    // One submission at a time: a second click or Enter while one is under way does nothing.
    if (this.submission.busy || !this.current) return;
    const form = e.currentTarget as HTMLFormElement;
    const { target, dates, occurrence, endpoint, fields } = this.current;
    if (!endpoint) return;

    const honeypot = form.elements.namedItem('homepage') as HTMLInputElement | null;
    if (honeypot?.value) {
      this.submission.pretend(occurrence?.event ?? target.event, occurrence);
      return;
    }

    const problems = validateForm(form, fields);
    if (problems.size) {
      const byKey = new Map(fields.map((f) => [f.key, f]));
      this.submission.setErrors(new Map([...problems].map(([key, problem]) => [key, problemMessage(byKey.get(key)!, problem, this.i18n)])));
      this.focusAfterUpdate = 'rsvp-summary-title';
      return;
    }

    const values = readForm(form, fields);
    const chosen = target.recurring ? findOccurrence(dates.list, values.occurrence, target.zone) : occurrence;
    const body: Submission['body'] = {
      eventId: target.event.id,
      name: values.name,
      email: values.email,
      answers: values.answers,
      accommodations: values.accommodations,
    };
    if (target.recurring && chosen) body.occurrence = chosen.start;
    void this.submission.send({
      endpoint,
      body,
      event: chosen?.event ?? target.event,
      occurrence: chosen,
      persist: !this.noStore,
      notBefore: (this.renderedAt ?? 0) + (this.constructor as typeof CivicRsvpForm).minimumFillMs,
    });
  };
}
