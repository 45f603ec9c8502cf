/**
 * What `<civic-rsvp-form>` loads beside its feed, and shows and does once it has data: the event's
 * facts, the form, its validation and submission, and the confirmation (`RsvpFormView`, a reactive
 * controller of the element), with its styles and English messages. The element keeps its
 * properties and what needs no data.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Occurrence } from '../feed/occurrences.js';
import { RSVP_LIMITS as LIMITS } from '../feed/rsvp-limits.js';
import { SERIES_OCCURRENCE, takesSeriesRegistration } from '../feed/rsvp-series.js';
import { safeUrl, WEB_SCHEMES } from '../feed/text.js';
import type { CivicEvent, Feed, LoadedFeed, Question } from '../feed/types.js';
import { devWarn } from '../shared/dev.js';
import { eventTitle } from '../shared/event-title.js';
import type { MessageKey, MessageValues } from '../shared/localize.js';
import { availability, nextChange, seatsLeft, type Availability } from './rsvp-availability.js';
import { EventDates, type Dates } from './rsvp-dates.js';
import { questionField, renderField, type FieldOptions } from './rsvp-fields.js';
import type { RsvpFormHost } from './rsvp-form-host.js';
import { formatMoment, formatOption, formatWhen } from './rsvp-format.js';
import { eventZone, findOccurrence, isRecurring } from './rsvp-occurrences.js';
import type { RsvpOutboxEvent } from './outbox/outbox-link.js';
import { LazyPart } from '../shared/lazy-part.js';
import type { OutcomeContext, OutcomePanels } from './rsvp-outcome.js';
import { heading, renderFacts, renderNotice, renderSessions, renderSummary, type SummaryEntry } from './rsvp-panels.js';
import { RsvpSubmission, type Submission } from './rsvp-submission.js';
import { problemMessage, problemOf, readForm, validateForm, type FieldSpec } from './rsvp-validation.js';
import rsvp from '../locales/en/rsvp.js';
import { styles } from './rsvp-form.styles.js';
import { MAX_TIMER_MS } from '../shared/max-timer.js';

/** The form's English strings join the page's with the code that uses them. */
export const messages = [rsvp];

export const partStyles = [styles];

/** What to register for, from the element's attributes or a calendar's pick: no data needed. */
export interface Wanted {
  /** The event's id: `event-id`, else the picked event's. */
  id?: string;
  /** The picked event, used when the feed does not have it (only without `event-id`). */
  picked?: CivicEvent;
  /** A value naming the occurrence to preset (the `occurrence` attribute, or a calendar's pick). */
  preset?: string;
}

/** What the view needs from its element, beyond the element's public properties. */
export interface FormHost {
  readonly el: RsvpFormHost;
  t(key: MessageKey, values?: MessageValues): string;
  wanted(): Wanted;
  /** Names the registration the form is for; a new name makes a new form. */
  formKey(): string | undefined;
  /** Names a new registration for the same event (the visitor registers someone else). */
  renewFormKey(): void;
}

/** What the form is registering for, resolved from the feed. */
interface Target {
  feed: Feed;
  event: CivicEvent;
  /** A series whose dates the visitor picks from, one per registration. */
  recurring: boolean;
  /** A series that takes one registration for all its sessions (`rsvp.mode: "series"`): no date to pick. */
  series: boolean;
  zone: string;
  preset?: string;
}

/** The questions of the occurrence shown (an override may ask its own), else of the event. */
function questionsOf(target: Target, shown: CivicEvent): Question[] {
  return shown.rsvp?.questions ?? target.event.rsvp?.questions ?? [];
}


/**
 * A series taken whole, with the seats of its fullest session: a registration holds a seat in
 * every session, so a session that seats fewer (an override's `capacity`) limits them all.
 */
function seriesSeats(series: CivicEvent, sessions: readonly Occurrence[]): CivicEvent {
  const capacities = [series.capacity, ...sessions.map((o) => o.event.capacity)].filter((c): c is number => c !== undefined);
  return capacities.length ? { ...series, capacity: Math.min(...capacities) } : series;
}

export class RsvpFormView implements ReactiveController {
  private readonly el: RsvpFormHost;
  private readonly submission: RsvpSubmission;
  private readonly dates: EventDates;
  /** What came of registrations: confirmation, full, kept answers (loaded after the form shows). */
  private readonly outcomePart: LazyPart<typeof import('./rsvp-outcome.js')>;
  private outcomePanels?: OutcomePanels;
  /** The date picked in the form (recurring events). */
  private chosen?: string;
  private renderedAt?: number;
  private focusAfterUpdate?: string;
  private windowTimer?: ReturnType<typeof setTimeout>;
  /** What the last render showed, for the handlers. */
  private current?: { target: Target; dates: Dates; occurrence?: Occurrence; endpoint?: string; fields: FieldSpec[] };
  /** A message in the element's language. */
  private readonly t = (key: MessageKey, values?: MessageValues): string => this.host.t(key, values);

  constructor(private readonly host: FormHost) {
    this.el = host.el;
    this.submission = new RsvpSubmission(this.el, {
      t: this.t,
      fieldKeys: () => this.current?.fields.map((f) => f.key) ?? [],
      shows: (eventId) => {
        const event = this.current?.target.event;
        return !!event && (event.id === eventId || event.seriesId === eventId);
      },
      focusLater: (id) => {
        this.focusAfterUpdate = id;
      },
      outcomeReady: () => this.outcomePart.load(),
    });
    this.dates = new EventDates(this.el);
    this.outcomePart = new LazyPart(this.el, 'outcome', () => import('./rsvp-outcome.js'));
    // Before the network may go: a registration kept for later is answered when it comes back.
    this.outcomePart.loadWhenIdle();
    this.el.addController(this);
  }

  /** What the page's outbox says (the element listens from the moment it connects). */
  hear(e: RsvpOutboxEvent): void {
    this.submission.hear(e);
  }

  /** The element is asked for another event or date: forget the date picked, and (`clean`) start a clean form. */
  restart(clean: boolean): void {
    if (clean) this.resetForm();
    this.chosen = undefined;
  }

  hostUpdated(): void {
    const form = this.el.shadowRoot?.querySelector('form');
    if (form && this.renderedAt === undefined) this.renderedAt = Date.now();
    if (!form) this.renderedAt = undefined;
    if (this.focusAfterUpdate) {
      const target = this.el.shadowRoot?.getElementById(this.focusAfterUpdate);
      target?.focus();
      // A confirmation waits for its code: focus it once it shows.
      if (target || this.outcomePart.module) this.focusAfterUpdate = undefined;
    }
    this.scheduleWindowChange();
  }

  hostDisconnected(): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
  }

  // ---- what to register for ---------------------------------------------------------------------

  private targetOf(feed: Feed): Target | undefined {
    const { id, picked, preset } = this.host.wanted();
    if (!id) return undefined;
    const event = feed.events.find((e) => e.id === id) ?? picked;
    if (!event) {
      devWarn(`rsvp-unknown-event:${id}`, `<civic-rsvp-form> found no event "${id}" in its feed.`);
      return undefined;
    }
    const series = takesSeriesRegistration(event);
    return { feed, event, recurring: !series && isRecurring(event), series, zone: eventZone(event, feed), preset };
  }

  /** The occurrence the form is for: the event's only one, or the one picked or preset. */
  private occurrenceOf(target: Target, dates: Dates): Occurrence | undefined {
    if (target.series) return undefined;
    if (!target.recurring) return dates.single;
    return findOccurrence(dates.list, this.chosen, target.zone) ?? findOccurrence(dates.list, target.preset, target.zone);
  }

  private endpointOf(event: CivicEvent): string | undefined {
    if (this.el.endpoint) return safeUrl(this.el.endpoint, document.baseURI, WEB_SCHEMES);
    return event.rsvp?.endpoint;
  }

  /** Renders again when the registration window opens or closes while the page is open. */
  private scheduleWindowChange(): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    const target = this.current?.target;
    if (!target || !this.el.isConnected) return;
    const event = this.current?.occurrence?.event ?? target.event;
    const at = nextChange(event, target.zone, Date.now());
    if (at === undefined || at - Date.now() > MAX_TIMER_MS) return;
    this.windowTimer = setTimeout(() => this.el.requestUpdate(), at - Date.now() + 50);
  }

  private resetForm(): void {
    this.submission.reset();
    this.renderedAt = undefined;
    this.outcomePanels?.dropFile();
  }

  private registerAnother = () => {
    this.resetForm();
    this.chosen = undefined;
    this.host.renewFormKey();
    this.focusAfterUpdate = 'rsvp-name';
  };

  // ---- rendering ----------------------------------------------------------------------------------

  private get level(): number {
    return Math.min(6, Math.max(1, Math.round(this.el.headingLevel) || 2));
  }

  /** The element's content once its feed is here. */
  render({ feed }: LoadedFeed): TemplateResult {
    const target = this.targetOf(feed);
    if (!target) {
      this.current = undefined;
      return html`<div class="rsvp" part="base">${renderNotice(this.t('rsvpNoEvent'))}</div>`;
    }
    const dates = this.dates.of(target.event, target.feed, target.series ? 'series' : target.recurring ? 'upcoming' : 'single');
    const occurrence = this.occurrenceOf(target, dates);
    const shown = occurrence?.event ?? target.event;
    const endpoint = this.endpointOf(shown);
    const fields = this.fieldsOf(target, shown);
    this.current = { target, dates, occurrence, endpoint, fields };
    const title = eventTitle(shown, this.t);
    return html`<div class="rsvp" part="base">
      <div part="title">${heading(this.level, this.t('rsvpFor', { title }), 'rsvp-title', true)}</div>
      ${this.renderDetails(target, target.series ? seriesSeats(target.event, dates.list) : shown, occurrence)}
      ${target.series && dates.ready ? this.renderSeries(target, dates) : nothing}
      ${dates.ready ? this.renderKept(target, dates, fields) : nothing}
      ${dates.ready ? this.renderMain(target, dates, occurrence, endpoint, fields) : nothing}
      <div class="status" part="status" role="status">${this.submission.status}</div>
    </div>`;
  }

  private renderDetails(target: Target, event: CivicEvent, occurrence?: Occurrence): TemplateResult {
    const t = this.t;
    const when = occurrence ? formatWhen(occurrence, this.el.language, target.zone) : undefined;
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

  /** What a registration for a whole series is for: every session, the first few listed. */
  private renderSeries(target: Target, dates: Dates): TemplateResult | typeof nothing {
    if (!dates.list.length) return nothing;
    const lines = dates.list.map((o) => {
      const when = formatWhen(o, this.el.language, target.zone);
      return { text: when.time ? `${when.date}, ${when.time}` : when.date, datetime: o.start };
    });
    return renderSessions(this.t('rsvpSeriesAll', { count: lines.length }), lines, (count) => this.t('rsvpSeriesMore', { count }));
  }

  private renderMain(
    target: Target,
    dates: Dates,
    occurrence: Occurrence | undefined,
    endpoint: string | undefined,
    fields: FieldSpec[],
  ): TemplateResult | typeof nothing {
    const t = this.t;
    const phase = this.submission.phase;
    if (phase.kind === 'registered' || phase.kind === 'full') {
      // The live region has said it; the panel follows with its code, at once after a submission.
      const panels = this.outcome();
      if (!panels) return nothing;
      const c = this.outcomeContext(target.zone);
      return phase.kind === 'full' ? panels.full(c) : panels.registered(phase, { ...c, uidDomain: this.uidDomain(), onAgain: this.registerAnother });
    }
    if ((target.recurring || target.series) && !dates.list.length) return renderNotice(t('rsvpNoDates'));
    const event = target.series ? seriesSeats(target.event, dates.list) : occurrence?.event ?? target.event;
    // A series taken whole takes registrations until its last session is over.
    const state = availability({ event, occurrence: target.series ? dates.list.at(-1) : occurrence, endpoint, zone: target.zone, now: Date.now() });
    const closed = this.closedNotice(state, target.zone);
    if (closed) return closed;
    const waitlist = state.kind === 'open' && state.waitlist;
    return html`${waitlist ? renderNotice(t('rsvpFullWaitlist')) : nothing}
    ${keyed(this.host.formKey(), this.renderForm(target, event, dates, fields, waitlist))}`;
  }

  private closedNotice(state: Availability, zone: string): TemplateResult | undefined {
    const t = this.t;
    switch (state.kind) {
      case 'cancelled':
        return renderNotice(t('rsvpCancelled'));
      case 'ended':
        return renderNotice(t('rsvpEnded'));
      case 'offline':
        return renderNotice(t('rsvpOffline'));
      case 'not-yet-open':
        return renderNotice(t('rsvpOpensOn', { date: formatMoment(state.opensMs, this.el.language, zone) }));
      case 'closed':
        return renderNotice(t('rsvpClosedOn', { date: formatMoment(state.closesMs, this.el.language, zone) }));
      case 'full':
        return renderNotice(t('rsvpFull'));
      default:
        return undefined;
    }
  }

  /** The fields, in order: the date (recurring events), name, email, the questions, access needs. */
  private fieldsOf(target: Target, event: CivicEvent): FieldSpec[] {
    const t = this.t;
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
    const t = this.t;
    const language = this.el.language;
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
            label: `${formatOption(o, language, target.zone)}${o.event.title !== target.event.title ? ` – ${eventTitle(o.event, t)}` : ''}`,
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
          if (field.kind !== 'number') options.maxlength = LIMITS.answerText;
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

  /** The .ics file's UIDs are made unique with the endpoint's host (else the page's). */
  private uidDomain(): string {
    let domain = location.hostname || 'civic-widgets';
    try {
      domain = new URL(this.current?.endpoint ?? location.href).hostname || domain;
    } catch {
      // keep the page's host
    }
    return domain;
  }

  /** Answers to registrations for this event that were kept on the device and delivered later. */
  private renderKept(target: Target, dates: Dates, fields: FieldSpec[]): TemplateResult[] | typeof nothing {
    const { event } = target;
    const mine = this.submission.kept.filter((k) => k.eventId === event.id || k.eventId === event.seriesId);
    const panels = mine.length ? this.outcome() : undefined;
    if (!panels) return nothing;
    return panels.kept(mine, {
      ...this.outcomeContext(target.zone),
      event,
      dates: dates.list,
      single: dates.single,
      fields,
      onDismiss: (key, others) => {
        this.submission.dismiss(key);
        this.focusAfterUpdate = others ? 'rsvp-kept-0' : 'rsvp-title';
      },
    });
  }

  /** The outcome panels, once their code is here (it loads after the form shows); undefined until then. */
  private outcome(): OutcomePanels | undefined {
    const part = this.outcomePart.module;
    if (!part) void this.outcomePart.load();
    return part && (this.outcomePanels ??= new part.OutcomePanels(this.el));
  }

  private outcomeContext(zone: string): OutcomeContext {
    return { t: this.t, level: this.level + 1, language: this.el.language, zone };
  }

  // ---- interaction --------------------------------------------------------------------------------

  private focusField = (id: string) => {
    const control = this.el.shadowRoot?.getElementById(id);
    control?.focus();
    control?.scrollIntoView?.({ block: 'center' });
  };

  /** Keeps the picked date, and clears a field's error as soon as it is fixed. */
  private onChange = (e: Event) => {
    const control = e.target as HTMLInputElement;
    const form = e.currentTarget as HTMLFormElement;
    if (control.name === 'occurrence') {
      this.chosen = control.value || undefined;
      this.el.requestUpdate();
    }
    const errors = this.submission.errors;
    if (!errors.has(control.name)) return;
    const field = this.current?.fields.find((f) => f.key === control.name);
    if (!field) return;
    const problem = problemOf(form, field);
    const next = new Map(errors);
    if (problem) next.set(field.key, problemMessage(field, problem, this.host));
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
      this.submission.setErrors(new Map([...problems].map(([key, problem]) => [key, problemMessage(byKey.get(key)!, problem, this.host)])));
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
      // So that what the server writes to the visitor can be in the form's language.
      language: this.el.language.split('-')[0]!.toLowerCase(),
    };
    if (target.recurring && chosen) body.occurrence = chosen.start;
    if (target.series) body.occurrence = SERIES_OCCURRENCE;
    void this.submission.send({
      endpoint,
      body,
      event: chosen?.event ?? target.event,
      occurrence: chosen,
      series: target.series ? { sessions: dates.list, events: dates.seriesEvents ?? [target.event], feedTimeZone: target.feed.timezone } : undefined,
      persist: !this.el.noStore,
      notBefore: (this.renderedAt ?? 0) + this.el.minimumFillMs,
    });
  };
}
