/**
 * The pieces of the form around its fields: what the event is, the error summary, the notices.
 * Pure templates; the element owns the state. What a server answered is rsvp-outcome.ts's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A heading at a level the page chooses (`heading-level`), without a static tag per level. */
export function heading(level: number, text: string, id: string, focusable = false): TemplateResult {
  return html`<div role="heading" aria-level=${level} id=${id} class="heading" tabindex=${ifDefined(focusable ? '-1' : undefined)}>
    ${text}
  </div>`;
}

/** The facts a visitor checks before registering: when, where, seats. */
export interface Facts {
  whenLabel: string;
  date?: { text: string; datetime: string };
  time?: string;
  whereLabel: string;
  where?: string;
  seatsLabel: string;
  seats?: string;
}

export function renderFacts(facts: Facts): TemplateResult {
  return html`<dl class="facts" part="details">
    ${facts.date
      ? html`<div>
          <dt>${facts.whenLabel}</dt>
          <dd>
            <time datetime=${facts.date.datetime}>${facts.date.text}</time>${facts.time
              ? html`<br /><span class="time">${facts.time}</span>`
              : nothing}
          </dd>
        </div>`
      : nothing}
    ${facts.where ? html`<div><dt>${facts.whereLabel}</dt><dd><bdi>${facts.where}</bdi></dd></div>` : nothing}
    ${facts.seats ? html`<div><dt>${facts.seatsLabel}</dt><dd class="seats">${facts.seats}</dd></div>` : nothing}
  </dl>`;
}

/** How many sessions of a series are listed before "and N more". */
const SESSIONS_LISTED = 5;

/**
 * The sessions a registration for a whole series holds a seat in: a sentence, then a list of the
 * first few and how many more.
 */
export function renderSessions(
  intro: string,
  sessions: { text: string; datetime: string }[],
  more: (count: number) => string,
): TemplateResult {
  // Six lines show six; a seventh becomes "and 2 more" after five.
  const shown = sessions.length > SESSIONS_LISTED + 1 ? sessions.slice(0, SESSIONS_LISTED) : sessions;
  return html`<div class="sessions" part="sessions">
    <p id="rsvp-sessions">${intro}</p>
    <ul aria-labelledby="rsvp-sessions">
      ${shown.map((s) => html`<li><time datetime=${s.datetime}>${s.text}</time></li>`)}
      ${shown.length < sessions.length ? html`<li>${more(sessions.length - shown.length)}</li>` : nothing}
    </ul>
  </div>`;
}

/** One line of the error summary: a link to the field when there is one. */
export interface SummaryEntry {
  message: string;
  /** The id of the control to focus. */
  target?: string;
}

export function renderSummary(
  title: string,
  level: number,
  entries: SummaryEntry[],
  focusField: (id: string) => void,
): TemplateResult | typeof nothing {
  if (!entries.length) return nothing;
  const follow = (id: string) => (e: Event) => {
    // Fragment links do not reach into a shadow root; move focus ourselves.
    e.preventDefault();
    focusField(id);
  };
  return html`<div class="error-summary" part="error-summary">
    ${heading(level, title, 'rsvp-summary-title', true)}
    <ul>
      ${entries.map((entry) =>
        entry.target
          ? html`<li><a href="#${entry.target}" @click=${follow(entry.target)}>${entry.message}</a></li>`
          : html`<li>${entry.message}</li>`,
      )}
    </ul>
  </div>`;
}

/** A plain statement: full, closed, not yet open, cancelled. */
export function renderNotice(text: string, kind?: 'error'): TemplateResult {
  return html`<div class="notice" part="notice" data-kind=${ifDefined(kind)}><p>${text}</p></div>`;
}
