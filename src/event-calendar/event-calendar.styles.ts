import { css } from 'lit';
import { fieldControl } from '../shared/controls.styles.js';
import { viewStyles } from './views.styles.js';

/**
 * The calendar's look: logical properties throughout (so right-to-left pages mirror it), the
 * widget's own width deciding the layout (container queries, down to 320 px with no sideways
 * scrolling), visible focus everywhere, system colours in forced-colors mode, no motion for those
 * who ask for none, and the list when printed.
 */
const calendarStyles = css`
  .calendar {
    container: calendar / inline-size;
    --_chip: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
    --_chip-hover: color-mix(in srgb, var(--_accent) 26%, var(--_surface));
  }
  .sizer {
    block-size: 0;
  }
  button {
    color: inherit;
    cursor: pointer;
  }
  .toolbar {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-block-end: calc(var(--_space) / 2);
  }
  .nav,
  .views {
    display: flex;
    gap: 0.25rem;
  }
  .period-title {
    flex: 1 1 12rem;
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .toolbar button {
    min-block-size: 2.5rem;
    min-inline-size: 2.5rem;
    padding: 0.25rem 0.75rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .toolbar button:hover {
    background: var(--_chip);
  }
  .views button[aria-pressed='true'] {
    font-weight: 700;
    background: var(--_chip-hover);
    border-color: var(--_accent);
    box-shadow: inset 0 -3px 0 var(--_accent);
  }
  .subscribe button[aria-expanded='true'] {
    background: var(--_chip-hover);
    border-color: var(--_accent);
  }
  button.link {
    padding: 0;
    font: inherit;
    color: var(--_accent);
    text-decoration: underline;
    background: none;
    border: 0;
  }
  .zone-note,
  .count,
  .empty {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .count {
    color: var(--_muted);
  }

  /* ---- search and filters ---- */
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-block-end: calc(var(--_space) / 2);
  }
  .search-field {
    display: flex;
    flex-direction: column;
    flex: 0 1 24rem;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  .search-field label {
    font-weight: 600;
  }
  input[type='search'] {
    inline-size: 100%;
    min-block-size: 2.5rem;
    ${fieldControl}
  }
  .facets {
    flex: 1 1 auto;
  }
  .facets[open] {
    flex-basis: 100%;
  }
  .facets summary {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    inline-size: fit-content;
    min-block-size: 2.5rem;
    padding: 0 0.75rem;
    cursor: pointer;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .facets summary::before {
    content: '▸';
  }
  .facets[open] summary::before {
    content: '▾';
  }
  .facet-groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: calc(var(--_space) / 2);
    margin-block-start: calc(var(--_space) / 2);
  }
  fieldset {
    min-inline-size: 0;
    margin: 0;
    padding: 0.25rem 0.75rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-block-size: 2rem;
  }
  .check input {
    /* A long label ("Interpretación en lengua de señas (ASL)") must not squeeze the box. */
    flex: none;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .clear {
    min-block-size: 2.5rem;
  }

  .weekday .initial {
    display: none;
  }
  @container calendar (width < 30rem) {
    .long-names .short-name {
      display: none;
    }
    .long-names .initial {
      display: inline;
    }
  }

  /* ---- narrow: the widget, not the window, decides ---- */
  @container calendar (width < 40rem) {
    .period-title {
      flex-basis: 100%;
      order: -1;
    }
    .toolbar .nav {
      flex: 1;
    }
    .day {
      min-block-size: 3.25rem;
      align-items: center;
      cursor: pointer;
    }
    .items {
      display: none;
    }
    .badge {
      display: block;
      min-inline-size: 1.5rem;
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.5rem;
      text-align: center;
      border: 1px solid var(--_accent);
      border-radius: 1rem;
    }
    .weekday {
      font-size: 0.75rem;
    }
    .when {
      display: block;
    }
    .where {
      margin-inline-start: 0;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .event,
    .toolbar button {
      transition: background-color 120ms ease-out;
    }
  }

  @media (forced-colors: active) {
    .event.spanning,
    .views button[aria-pressed='true'],
    .today .number {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
    }
    .event {
      border: 1px solid ButtonText;
    }
    /* Out of forced colours' reach, they must not keep the page's accent for a border. */
    .views button[aria-pressed='true'] {
      border-color: Highlight;
    }
    .event.spanning {
      border-inline-start-color: ButtonText;
    }
    .event.spanning:focus-visible,
    .views button[aria-pressed='true']:focus-visible {
      outline-color: CanvasText;
    }
    .day.outside {
      background: Canvas;
    }
    .badge {
      border-color: CanvasText;
    }
  }

  @media print {
    .toolbar .nav,
    .views,
    .filters,
    .zone-note button,
    .count {
      display: none;
    }
    .list-date {
      position: static;
    }
    .item {
      break-inside: avoid;
    }
    .item .event {
      color: inherit;
      text-decoration: none;
    }
  }
`;

// The calendar's sheet comes after the views': its narrow, forced-colors and print rules override theirs.
// The week's and the dialog's sheets follow, adopted when those parts load (shared/lazy-part.ts).
export const styles = [viewStyles, calendarStyles];
