import { css, unsafeCSS } from 'lit';
import { MAX_COLUMNS, SLOTS_PER_DAY } from './layout.js';

/**
 * The week's time grid. Events sit on quarter-hour rows through classes made here once, from
 * numbers only: `r-N` (starts on row N), `s-N` (spans N rows), `c-I-C` (column I of C side by
 * side, on a 12-column day), `hours-H` (the grid shows H hours). A strict CSP allows these, where
 * it refuses inline `style` attributes.
 */
function generated(): string {
  const rules: string[] = [];
  for (let n = 1; n <= SLOTS_PER_DAY; n++) rules.push(`.r-${n}{grid-row-start:${n + 2}}`, `.s-${n}{grid-row-end:span ${n}}`);
  for (let h = 1; h <= 24; h++) rules.push(`.week.hours-${h}{grid-template-rows:auto auto repeat(${h * 4},var(--_slot))}`);
  for (let c = 1; c <= MAX_COLUMNS; c++) {
    const width = 12 / c;
    for (let i = 0; i < c; i++) rules.push(`.c-${i}-${c}{grid-column:${i * width + 1} / span ${width}}`);
  }
  // A bar's title runs across the N days it covers in its row (the next days' chips hide theirs).
  for (let n = 2; n <= 7; n++) rules.push(`.event.run-${n} .title{max-inline-size:calc(${n * 100}% + ${(n - 1) * 0.5}rem)}`);
  return rules.join('\n');
}

export const weekStyles = [
  css`
    .week {
      --_slot: 0.875rem;
      display: grid;
      grid-template-columns: max-content repeat(7, minmax(0, 1fr));
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .hours {
      display: grid;
      grid-column: 1;
      grid-row: 1 / -1;
      grid-template-rows: subgrid;
    }
    .hour {
      grid-row-end: span 4;
      padding-inline: 0.25rem;
      font-size: 0.75rem;
      line-height: 1;
      color: var(--_muted);
      text-align: end;
      white-space: nowrap;
    }
    .day-col {
      display: grid;
      grid-row: 1 / -1;
      grid-template-rows: subgrid;
      grid-template-columns: repeat(12, minmax(0, 1fr));
      min-inline-size: 0;
      border-inline-start: 1px solid var(--_border);
    }
    .day-head {
      grid-row: 1;
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0 0.25rem;
      padding: 0.25rem;
      border-block-end: 1px solid var(--_border);
    }
    .day-head h3 {
      margin: 0;
      font-size: 0.875rem;
      font-weight: 600;
    }
    .day-col.today .num {
      padding: 0 0.375rem;
      color: var(--_surface);
      background: var(--_accent);
      border-radius: 1rem;
    }
    .all-day {
      grid-row: 2;
      grid-column: 1 / -1;
      display: grid;
      align-content: start;
      gap: 0.125rem;
      padding-block: 0.125rem;
      border-block-end: 1px solid var(--_border);
    }
    .all-day .event,
    .all-day .spacer {
      block-size: 1.5rem;
    }
    .all-day .event.from-before {
      margin-inline-start: -1px;
    }
    .lines {
      grid-row: 3 / -1;
      grid-column: 1 / -1;
      background-image: repeating-linear-gradient(
        to bottom,
        var(--_border) 0 1px,
        transparent 1px calc(var(--_slot) * 4)
      );
    }
    /* Painted over the hour lines by coming after them: no stacking context per event. */
    .event.box {
      display: block;
      min-block-size: 0;
      margin: 1px;
      white-space: normal;
      background: var(--_chip);
      border-inline-start: 3px solid var(--_accent);
    }
    .event.box:hover {
      background: var(--_chip-hover);
    }

    @container calendar (width < 40rem) {
      .week {
        display: block;
      }
      .hours,
      .lines {
        display: none;
      }
      .day-col {
        display: block;
        border-inline-start: 0;
        border-block-end: 1px solid var(--_border);
      }
      .all-day {
        border-block-end: 0;
      }
      .all-day .spacer {
        display: none;
      }
      .event.box {
        display: block;
        /* A button shrinks to its content; here it takes the row and ellipsizes a long title. */
        inline-size: calc(100% - 0.5rem);
        margin: 0.125rem 0.25rem;
        white-space: nowrap;
      }
    }
    @media (forced-colors: active) {
      .lines {
        background-image: none;
      }
      .event.box {
        border: 1px solid ButtonText;
      }
      /* A page's own accent is no system colour: the badge would lose its fill and keep its Canvas text. */
      .day-col.today .num {
        forced-color-adjust: none;
        color: HighlightText;
        background: Highlight;
      }
    }
  `,
  unsafeCSS(generated()),
];
