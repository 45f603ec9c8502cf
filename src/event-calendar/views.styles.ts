import { css } from 'lit';

/** An occurrence's button in every view, the month grid, and the list. */
export const viewStyles = css`
  /* ---- an occurrence, in every view ---- */
  .event {
    display: block;
    min-inline-size: 0;
    padding: 0.0625rem 0.375rem;
    overflow: hidden;
    font-size: 0.8125rem;
    line-height: 1.3;
    text-align: start;
    text-overflow: ellipsis;
    white-space: nowrap;
    background: transparent;
    border: 0;
    border-radius: calc(var(--_radius) * 0.75);
  }
  .event:hover {
    background: var(--_chip-hover);
  }
  /* (A title sits in a <bdi>: it reads in its own direction, and lines up with the calendar's.) */
  .event .title,
  .item .event {
    font-weight: 600;
  }
  /* A margin, not a space: in the month grid's clamped chips a space between two elements is dropped. */
  .event > * + * {
    margin-inline-start: 0.25em;
  }
  .event .clock {
    font-variant-numeric: tabular-nums;
  }
  .event.spanning {
    background: var(--_chip);
    border-inline-start: 3px solid var(--_accent);
  }
  .event.from-before {
    border-inline-start-width: 0;
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .event.to-after {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  /* The bar's first chip in a row lends its title to the rest of the bar. */
  .event[class*='run-'] {
    position: relative;
    z-index: 1;
    overflow: visible;
  }
  .event[class*='run-'] .title {
    display: inline-block;
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: top;
  }
  .status {
    font-size: 0.85em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  [data-status='cancelled'] .status {
    color: var(--_error);
  }
  [data-status='cancelled'] .title,
  .item[data-status='cancelled'] .event {
    text-decoration: line-through;
  }

  /* ---- the month grid ---- */
  .month {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .weekdays,
  .week-row {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
  }
  .weekday {
    padding: 0.25rem;
    font-size: 0.875rem;
    font-weight: 600;
    text-align: center;
  }
  .day {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    min-block-size: 7rem;
    min-inline-size: 0;
    padding: 0.25rem;
    border-block-start: 1px solid var(--_border);
    border-inline-start: 1px solid var(--_border);
  }
  .day:first-child {
    border-inline-start: 0;
  }
  .day:focus-visible {
    outline-offset: -3px;
    position: relative;
    z-index: 1;
  }
  .day.outside {
    color: var(--_muted);
    background: color-mix(in srgb, currentColor 4%, transparent);
  }
  .number {
    align-self: start;
    min-inline-size: 1.75rem;
    padding: 0 0.25rem;
    font-size: 0.875rem;
    line-height: 1.75rem;
    text-align: center;
    border-radius: 1rem;
  }
  .today .number {
    font-weight: 700;
    color: var(--_surface);
    background: var(--_accent);
  }
  .badge {
    display: none;
  }
  .items {
    display: grid;
    gap: 0.125rem;
    margin-inline: -0.25rem;
    padding-inline: 0.25rem;
  }
  .items .event.spanning,
  .spacer {
    block-size: 1.5rem;
  }
  .items .event:not(.spanning) {
    display: -webkit-box;
    min-block-size: 1.5rem;
    max-block-size: calc(2.6em + 0.125rem);
    white-space: normal;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
  }
  .items .event.from-before {
    margin-inline-start: calc(-0.25rem - 1px);
  }
  .items .event.to-after {
    margin-inline-end: -0.25rem;
  }
  .more {
    justify-self: start;
    min-block-size: 1.5rem;
    padding: 0 0.375rem;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_accent);
    background: none;
    border: 0;
    border-radius: calc(var(--_radius) * 0.75);
  }
  .more:hover {
    text-decoration: underline;
  }

  /* ---- the list ---- */
  .list-day {
    margin-block-end: var(--_space);
    /* A month of events is thousands of rows: the browser lays out only the days near the screen
       (the rest stay in the page, found by search and read by screen readers). */
    content-visibility: auto;
    contain-intrinsic-size: auto 30rem;
  }
  .list-date {
    position: sticky;
    inset-block-start: 0;
    margin: 0;
    padding: 0.25rem 0;
    font-size: 1em;
    background: var(--_surface);
    border-block-end: 2px solid var(--_border);
  }
  .list-day.today .list-date {
    border-block-end-color: var(--_accent);
  }
  .list-day ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    padding: 0.5rem 0;
    border-block-end: 1px solid var(--_border);
  }
  .when {
    display: inline-block;
    min-inline-size: 10rem;
    margin-inline-end: var(--_space);
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .item .event {
    display: inline;
    padding: 0;
    font-size: 1em;
    font-weight: 600;
    white-space: normal;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    background: none;
  }
  .item .status {
    display: inline-block;
  }
  .where {
    display: block;
    margin-inline-start: calc(10rem + var(--_space));
    color: var(--_muted);
  }

`;
