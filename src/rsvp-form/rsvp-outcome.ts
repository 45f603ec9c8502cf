/**
 * What came of a registration, as the form shows it: confirmed (with the .ics file and the cancel
 * link), on the waitlist, already registered, full; and the answers to registrations kept on the
 * device and delivered later (outbox/kept-outcomes.ts), shown above the form until the visitor
 * hides them. Loaded after the form shows, and before any submission is sent.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Occurrence } from '../feed/occurrences.js';
import { SERIES_OCCURRENCE } from '../feed/rsvp-series.js';
import type { CivicEvent } from '../feed/types.js';
import { eventTitle } from '../shared/event-title.js';
import type { MessageKey, MessageValues } from '../shared/localize.js';
import rsvpOutcome from '../locales/en/rsvp-outcome.js';
import type { KeptOutcome } from './outbox/delivery.js';
import { CalendarFile } from './rsvp-calendar-file.js';
import { formatWhen } from './rsvp-format.js';
import { findOccurrence } from './rsvp-occurrences.js';
import { heading } from './rsvp-panels.js';
import type { Phase } from './rsvp-submission.js';
import type { FieldSpec } from './rsvp-validation.js';

export const messages = [rsvpOutcome];
export const partStyles = [];

type Registered = Extract<Phase, { kind: 'registered' }>;

/** What every panel needs from the form. */
export interface OutcomeContext {
  t(key: MessageKey, values?: MessageValues): string;
  /** The panels' heading level. */
  level: number;
  language: string;
  /** The zone the event's dates are shown in. */
  zone: string;
}

/**
 * The link to the server's page where the visitor cancels: a plain link, opened in the same tab.
 * @param series a registration for a whole series: cancelling gives up every session
 */
function renderCancel(c: OutcomeContext, href?: string, series = false): TemplateResult | typeof nothing {
  return href
    ? html`<p>${c.t(series ? 'rsvpCancelHintSeries' : 'rsvpCancelHint')} <a part="cancel-link" href=${href} rel="noreferrer">${c.t('rsvpCancelLink')}</a></p>`
    : nothing;
}

/**
 * "Data Day on Saturday, March 7, 2026"; "Workshops (all 4 sessions)" for a series taken whole;
 * the title alone when the date is not known.
 */
function eventOn(c: OutcomeContext, event: CivicEvent, occurrence?: Occurrence, sessions?: number): string {
  const title = eventTitle(event, c.t);
  if (sessions) return c.t('rsvpEventAllSessions', { title, count: sessions });
  return occurrence ? c.t('rsvpEventOn', { title, date: formatWhen(occurrence, c.language, c.zone).date }) : title;
}

export class OutcomePanels {
  private readonly calendarFile: CalendarFile;

  constructor(host: ReactiveControllerHost) {
    this.calendarFile = new CalendarFile(host);
  }

  /** Lets the registration's .ics file go (the form starts again). */
  dropFile(): void {
    this.calendarFile.drop();
  }

  /** After a server took the registration: what it is, the .ics file, the cancel link. */
  registered(phase: Registered, c: OutcomeContext & { uidDomain: string; onAgain: () => void }): TemplateResult {
    const t = c.t;
    const sessions = phase.series?.sessions.length;
    // A series taken whole is named with its sessions wherever it is named.
    const title = sessions ? eventOn(c, phase.event, undefined, sessions) : eventTitle(phase.event, t);
    const date = phase.occurrence ? formatWhen(phase.occurrence, c.language, c.zone).date : '';
    const confirmed = phase.status === 'confirmed';
    let text: string;
    if (phase.alreadyRegistered) {
      text = t(confirmed ? 'rsvpAlreadyConfirmed' : 'rsvpAlreadyWaitlisted', { event: eventOn(c, phase.event, phase.occurrence, sessions) });
    } else if (!confirmed) {
      text = phase.position ? t('rsvpWaitlistPosition', { position: phase.position, title }) : t('rsvpWaitlistText', { title });
    } else if (sessions) {
      text = t('rsvpConfirmedSeries', { title: eventTitle(phase.event, t), count: sessions });
    } else {
      text = date ? t('rsvpConfirmedText', { title, date }) : t('rsvpConfirmed');
    }
    const series = phase.series;
    const registered = series ? { series: phase.event, events: series.events, feedTimeZone: series.feedTimeZone } : phase.occurrence;
    const file = confirmed && registered ? this.calendarFile.for(phase, registered, c.uidDomain, t('untitledEvent')) : undefined;
    return html`<div class="confirmation" part="confirmation">
      ${heading(c.level, confirmed ? t(phase.alreadyRegistered ? 'rsvpAlreadyTitle' : 'rsvpConfirmed') : t('rsvpWaitlisted'), 'rsvp-done-title', true)}
      <p>${text}</p>
      ${renderCancel(c, phase.cancelUrl, !!sessions)}
      ${file ? html`<p><a part="calendar-link" href=${file.href} download=${file.download}>${t('rsvpAddToCalendar')}</a></p>` : nothing}
      <button type="button" class="secondary" part="again" @click=${c.onAgain}>${t('rsvpRegisterAnother')}</button>
    </div>`;
  }

  /** The event filled up before the registration arrived. */
  full(c: OutcomeContext): TemplateResult {
    return html`<div class="confirmation" part="confirmation">
      ${heading(c.level, c.t('rsvpFilledUpTitle'), 'rsvp-done-title', true)}
      <p>${c.t('rsvpFilledUp')}</p>
    </div>`;
  }

  /** Answers kept for a later page about the event the form shows, each with a button that hides it. */
  kept(
    kept: KeptOutcome[],
    c: OutcomeContext & {
      event: CivicEvent;
      /** The event's upcoming dates (recurring events), and its only one otherwise. */
      dates: Occurrence[];
      single?: Occurrence;
      /** The form's fields, to name the field of each of a refusal's reasons. */
      fields: FieldSpec[];
      /** The visitor hid the answer with this key; `others`: more panels remain. */
      onDismiss(key: string, others: boolean): void;
    },
  ): TemplateResult[] {
    return kept.map((outcome, i) => {
      // A registration for a whole series (c.dates are then its sessions) names no one date.
      const series = outcome.occurrence === SERIES_OCCURRENCE;
      const occurrence = series ? undefined : outcome.occurrence ? findOccurrence(c.dates, outcome.occurrence, c.zone) : c.single;
      const says = keptTexts(outcome, eventOn(c, occurrence?.event ?? c.event, occurrence, series ? c.dates.length : undefined), c);
      return html`<div class="confirmation" part="outcome">
        ${heading(c.level, says.title, `rsvp-kept-${i}`, true)}
        <p>${says.text}</p>
        ${says.reasons?.length ? html`<ul>${says.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : nothing}
        ${renderCancel(c, says.cancel, series)}
        <button type="button" class="secondary" @click=${() => c.onDismiss(outcome.key, kept.length > 1)}>${c.t('rsvpDismiss')}</button>
      </div>`;
    });
  }
}

/** The heading, the sentence and what goes with it, for one kept answer about `event` ("Data Day on …"). */
function keptTexts(
  kept: KeptOutcome,
  event: string,
  c: OutcomeContext & { fields: FieldSpec[] },
): { title: string; text: string; reasons?: string[]; cancel?: string } {
  const t = c.t;
  const answer = kept.answer;
  switch (answer.kind) {
    case 'registered': {
      const confirmed = answer.status === 'confirmed';
      const cancel = answer.cancelUrl;
      if (answer.alreadyRegistered) {
        return { title: t(confirmed ? 'rsvpAlreadyTitle' : 'rsvpWaitlisted'), text: t(confirmed ? 'rsvpAlreadyConfirmed' : 'rsvpAlreadyWaitlisted', { event }), cancel };
      }
      return confirmed
        ? { title: t('rsvpConfirmed'), text: t('rsvpKeptConfirmed', { event }), cancel }
        : { title: t('rsvpWaitlisted'), text: t('rsvpKeptWaitlisted', { event, position: answer.position ?? 0 }), cancel };
    }
    case 'full':
      return { title: t('rsvpFilledUpTitle'), text: t('rsvpKeptFull', { event }) };
    case 'invalid': {
      // The server's reasons, each after its field's label: the answers themselves are gone.
      const labels = new Map(c.fields.map((f) => [f.key, f.label]));
      const reasons = Object.entries(answer.errors ?? {}).map(([field, message]) => {
        const label = labels.get(field);
        return label ? `${label}: ${message}` : message;
      });
      return { title: t('rsvpNotAcceptedTitle'), text: t('rsvpKeptInvalid', { event }), reasons };
    }
    default: {
      const reasons = answer.message ? [t('rsvpServerSays', { message: answer.message })] : [];
      return { title: t('rsvpNotAcceptedTitle'), text: t('rsvpKeptRefused', { event, status: answer.httpStatus }), reasons };
    }
  }
}
