/**
 * Where the form's submission stands, from the press of the button to the server's answer (which
 * may come minutes later, or on another page): it drives the page's outbox, hears its answers
 * (through the element's OutboxLink), fires the `civic-rsvp-*` events from its host, and tells the
 * host what to show.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Occurrence } from '../feed/occurrences.js';
import type { CivicEvent } from '../feed/types.js';
import { emit } from '../shared/events.js';
import type { MessageKey, MessageValues } from '../shared/localize.js';
import type { KeptOutcome } from './outbox/delivery.js';
import type { RsvpAnswer, RsvpBody } from './outbox/rsvp-client.js';
import type { RsvpConfirmedDetail, RsvpFailedDetail, RsvpSubmissionDetail } from './rsvp-events.js';
import { delivery, type RsvpOutboxEvent } from './outbox/outbox-link.js';

/** Where one submission stands, as far as the form shows it. */
export type Phase =
  | { kind: 'editing' }
  | { kind: 'sending'; key: string }
  | { kind: 'queued'; key: string; persisted: boolean }
  | {
      kind: 'registered';
      status: 'confirmed' | 'waitlisted';
      position?: number;
      event: CivicEvent;
      occurrence?: Occurrence;
      /** A registration for a whole series: its sessions. */
      series?: SeriesTaken;
      /** The server had this email's registration already; nothing new was stored. */
      alreadyRegistered?: true;
      cancelUrl?: string;
    }
  | { kind: 'full' };

/** What a registration for a whole series is for: every session, and the series with its overrides (its .ics). */
export interface SeriesTaken {
  sessions: Occurrence[];
  events: CivicEvent[];
  /** The feed's zone, for floating times of events that name none. */
  feedTimeZone?: string;
}

/** What the controller needs from its form. */
export interface SubmissionHost {
  t(key: MessageKey, values?: MessageValues): string;
  /** The keys of the form's fields, in order (for a 422's messages). */
  fieldKeys(): string[];
  /** Whether the form shows this event (for answers to submissions an earlier page left). */
  shows(eventId: string): boolean;
  /** Move focus to the element with this id after the next render. */
  focusLater(id: string): void;
  /** Loads the code that shows answers, so that an answer is shown the moment it comes. */
  outcomeReady(): Promise<unknown>;
}

/** A submission as the form sends it: everything but the idempotency key, which the controller adds. */
export interface Submission {
  endpoint: string;
  body: Omit<RsvpBody, 'idempotencyKey'>;
  /** What was registered for, to show in the confirmation. */
  event: CivicEvent;
  occurrence?: Occurrence;
  /** For a registration for a whole series. */
  series?: SeriesTaken;
  /** Keep it in storage until answered (false: in memory only, `no-store`). */
  persist: boolean;
  /** Not sent before this moment (the minimum fill time); an earlier submission waits. */
  notBefore: number;
}

/** What the form remembers about a submission it sent, for the answer that may come much later. */
interface Sent {
  detail: RsvpSubmissionDetail;
  event: CivicEvent;
  occurrence?: Occurrence;
  series?: SeriesTaken;
  queuedOnce: boolean;
  /** Kept in storage until answered (not `no-store`): its answer may be kept too. */
  persist: boolean;
}

/** Submissions left by an earlier page that a form on this page has already reported. */
const adopted = new Set<string>();

export class RsvpSubmission {
  phase: Phase = { kind: 'editing' };
  /** Problems by field key (`name`, `answers.<id>`…); keys starting with `:` belong to no field. */
  errors = new Map<string, string>();
  /** What the live region says. */
  status = '';

  /** Answers kept for a later page (this one), for the form to show those about its event. */
  kept: KeptOutcome[] = [];

  private readonly sent = new Map<string, Sent>();
  /** Submissions whose answer this form showed as it came: not shown again from what is kept. */
  private readonly shownLive = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly form: SubmissionHost,
  ) {
    this.refreshKept();
  }

  /** Reads the kept answers again (they change as the outbox delivers). */
  private refreshKept(): void {
    void delivery().then(({ keptAnswers }) => {
      this.kept = keptAnswers().filter((k) => !this.shownLive.has(k.key));
      this.host.requestUpdate();
    });
  }

  /** The visitor has read a kept answer: it is deleted from the device. */
  dismiss(key: string): void {
    void delivery().then(({ forgetAnswer }) => {
      forgetAnswer(key);
      this.refreshKept();
    });
  }

  /** Whether a submission is under way (sending, or kept for later): the button does nothing then. */
  get busy(): boolean {
    return this.phase.kind === 'sending' || this.phase.kind === 'queued';
  }

  /** Back to an empty form: no errors, nothing said. A submission under way keeps going. */
  reset(): void {
    this.update({ kind: 'editing' }, new Map(), '');
  }

  setErrors(errors: Map<string, string>): void {
    this.errors = errors;
    this.host.requestUpdate();
  }

  /** A bot filled the honeypot: show success, send nothing. */
  pretend(event: CivicEvent, occurrence?: Occurrence): void {
    this.update({ kind: 'registered', status: 'confirmed', event, occurrence }, new Map(), '');
    this.form.focusLater('rsvp-done-title');
  }

  /** Sends a valid submission. A second call while one is under way does nothing. */
  async send(submission: Submission): Promise<void> {
    if (this.phase.kind !== 'editing') return;
    const key = crypto.randomUUID();
    this.update({ kind: 'sending', key }, new Map(), this.form.t('rsvpSending'));

    const wait = submission.notBefore - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

    const body: RsvpBody = { ...submission.body, idempotencyKey: key };
    // Kept no longer than it can matter: until the event (or the chosen date) is over.
    const expiresAt = submission.occurrence?.endMs ?? submission.series?.sessions.at(-1)?.endMs;
    const detail: RsvpSubmissionDetail = { eventId: body.eventId, idempotencyKey: key, endpoint: submission.endpoint };
    if (body.occurrence) detail.occurrence = body.occurrence;
    this.sent.set(key, {
      detail, event: submission.event, occurrence: submission.occurrence, series: submission.series, queuedOnce: false, persist: submission.persist,
    });
    emit(this.host, 'civic-rsvp-submit', detail);
    // The outcome reaches hear(), like every later one.
    const [{ rsvpOutbox }] = await Promise.all([delivery(), this.form.outcomeReady()]);
    await rsvpOutbox().submit({ key, endpoint: submission.endpoint, body, expiresAt }, { persist: submission.persist, owner: this.host });
  }

  private update(phase: Phase, errors = this.errors, status = this.status): void {
    this.phase = phase;
    this.errors = errors;
    this.status = status;
    this.host.requestUpdate();
  }

  /** Whether the phase is about the submission with this key. */
  private isCurrent(key: string): boolean {
    return (this.phase.kind === 'sending' || this.phase.kind === 'queued') && this.phase.key === key;
  }

  /** Whether moving focus is welcome: the visitor is in the form, or nowhere in particular. */
  private mayMoveFocus(): boolean {
    const active = document.activeElement;
    return this.host.matches(':focus-within') || active === document.body || active === null;
  }

  /** What the page's outbox says: about a submission of this form, or one an earlier page left. */
  hear(e: RsvpOutboxEvent): void {
    const sent = this.sent.get(e.item.key);
    if (!sent) {
      this.adopt(e);
      if (e.type === 'answered') this.refreshKept();
      return;
    }
    const t = this.form.t;
    if (e.type === 'queued') {
      if (this.isCurrent(e.item.key)) {
        this.update({ kind: 'queued', key: e.item.key, persisted: e.persisted }, this.errors, t(e.persisted ? 'rsvpQueued' : 'rsvpQueuedMemory'));
      }
      if (!sent.queuedOnce) {
        sent.queuedOnce = true;
        emit(this.host, 'civic-rsvp-queued', {
          ...sent.detail,
          persisted: e.persisted,
          attempts: e.item.attempts,
          nextAttemptAt: e.item.nextAttemptAt,
        });
      }
      return;
    }
    this.sent.delete(e.item.key);
    const current = this.isCurrent(e.item.key);
    if (e.type === 'settled-elsewhere') {
      if (current) this.update({ kind: 'editing' }, this.errors, t('rsvpSentElsewhere'));
      return;
    }
    if (e.type === 'expired') {
      emit(this.host, 'civic-rsvp-failed', { ...sent.detail, reason: 'expired', httpStatus: 0 });
      if (current) {
        this.update({ kind: 'editing' }, new Map([[':expired', t('rsvpEnded')]]), '');
        if (this.mayMoveFocus()) this.form.focusLater('rsvp-summary-title');
      }
      return;
    }
    this.report(sent.detail, e.answer);
    if (!current) {
      // The form shows another registration now: keep the answer for when it shows this event.
      if (sent.persist) void delivery().then(({ keepAnswer }) => keepAnswer(e.item, e.answer) && this.refreshKept());
      this.update(this.phase, this.errors, t('rsvpSentLater'));
      return;
    }
    this.shownLive.add(e.item.key);
    const status = sent.queuedOnce ? t('rsvpSentLater') : '';
    const answer = e.answer;
    const focus = this.mayMoveFocus();
    switch (answer.kind) {
      case 'registered': {
        const phase: Phase = { kind: 'registered', status: answer.status, event: sent.event, occurrence: sent.occurrence };
        if (sent.series) phase.series = sent.series;
        if (answer.position) phase.position = answer.position;
        if (answer.alreadyRegistered) phase.alreadyRegistered = true;
        if (answer.cancelUrl) phase.cancelUrl = answer.cancelUrl;
        this.update(phase, new Map(), status);
        if (focus) this.form.focusLater('rsvp-done-title');
        break;
      }
      case 'full':
        this.update({ kind: 'full' }, new Map(), status);
        if (focus) this.form.focusLater('rsvp-done-title');
        break;
      case 'invalid':
        this.update({ kind: 'editing' }, this.serverErrors(answer.errors), status);
        if (focus) this.form.focusLater('rsvp-summary-title');
        break;
      case 'refused': {
        const text = t('rsvpErrorRefused', { status: answer.httpStatus });
        const message = answer.message ? `${text} ${t('rsvpServerSays', { message: answer.message })}` : text;
        this.update({ kind: 'editing' }, new Map([[':refused', message]]), status);
        if (focus) this.form.focusLater('rsvp-summary-title');
        break;
      }
    }
  }

  /** A 422's messages, each by its field (`answers.<id>` is that question's), in the form's order; the rest first. */
  private serverErrors(errors: Record<string, string>): Map<string, string> {
    const keys = this.form.fieldKeys();
    const general = Object.entries(errors)
      .filter(([field]) => !keys.includes(field))
      .map(([field, message]) => [`:${field}`, message] as [string, string]);
    const byField = keys.filter((key) => key in errors).map((key) => [key, errors[key]!] as [string, string]);
    return new Map([...general, ...byField]);
  }

  /** Fires `civic-rsvp-confirmed` or `civic-rsvp-failed` for an answered submission. */
  private report(detail: RsvpSubmissionDetail, answer: RsvpAnswer): void {
    if (answer.kind === 'registered') {
      const confirmed: RsvpConfirmedDetail = { ...detail, status: answer.status };
      if (answer.position) confirmed.position = answer.position;
      if (answer.message) confirmed.message = answer.message;
      if (answer.alreadyRegistered) confirmed.alreadyRegistered = true;
      if (answer.cancelUrl) confirmed.cancelUrl = answer.cancelUrl;
      emit(this.host, 'civic-rsvp-confirmed', confirmed);
      return;
    }
    const failed: RsvpFailedDetail = {
      ...detail,
      reason: answer.kind === 'full' ? 'full' : answer.kind === 'invalid' ? 'invalid' : 'refused',
      httpStatus: answer.httpStatus,
    };
    if (answer.kind === 'invalid') failed.errors = answer.errors;
    if (answer.kind !== 'invalid' && answer.message) failed.message = answer.message;
    emit(this.host, 'civic-rsvp-failed', failed);
  }

  /**
   * An answer for a submission no form on this page is waiting for (an earlier page left it): the
   * first form showing the same event says so, and reports it.
   */
  private adopt(e: RsvpOutboxEvent): void {
    if (e.type !== 'answered' || e.ownerListening || adopted.has(e.item.key)) return;
    const eventId = e.item.body.eventId;
    if (!this.form.shows(eventId)) return;
    adopted.add(e.item.key);
    const detail: RsvpSubmissionDetail = { eventId, idempotencyKey: e.item.key, endpoint: e.item.endpoint };
    if (e.item.body.occurrence) detail.occurrence = e.item.body.occurrence;
    this.report(detail, e.answer);
    this.update(this.phase, this.errors, this.form.t('rsvpEarlierSent'));
  }
}
