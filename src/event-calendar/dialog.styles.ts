import { css } from 'lit';
import { fieldControl } from '../shared/controls.styles.js';

/** The details dialog: a readable column that fits a 320 px screen and scrolls on its own. */
export const dialogStyles = css`
  dialog {
    container-type: inline-size;
    inline-size: min(38rem, calc(100vw - 1rem));
    max-block-size: calc(100dvh - 1rem);
    padding: 0;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 25%);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  .dialog-head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    align-items: start;
    gap: 0.5rem;
    padding: var(--_space) var(--_space) calc(var(--_space) / 2);
    background: var(--_surface);
    border-block-end: 1px solid var(--_border);
  }
  .dialog-title {
    flex: 1;
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .dialog-title:focus {
    outline: none;
  }
  .dialog-title:focus-visible {
    outline: var(--_focus);
  }
  .close,
  .back {
    flex: none;
    min-block-size: 2.5rem;
    min-inline-size: 2.5rem;
    padding: 0.25rem 0.5rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .close {
    font-size: 1.25rem;
    line-height: 1;
  }
  dialog > :not(.dialog-head) {
    margin-inline: var(--_space);
  }
  .status-note {
    padding: 0.5rem 0.75rem;
    font-weight: 600;
    border: 1px solid var(--_border);
    border-inline-start: 0.25rem solid var(--_accent);
    border-radius: var(--_radius);
  }
  .status-note[data-status='cancelled'] {
    border-inline-start-color: var(--_error);
  }
  .facts {
    display: grid;
    gap: 0.5rem;
    margin-block: var(--_space);
  }
  .facts div {
    display: grid;
    grid-template-columns: minmax(6rem, 9rem) minmax(0, 1fr);
    gap: var(--_space);
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
  }
  .description {
    overflow-wrap: anywhere;
  }
  .actions {
    padding-block: calc(var(--_space) / 2) var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .add h3 {
    margin: 0 0 0.25rem;
    font-size: 1em;
  }
  .add-links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .add-links a,
  .links a {
    display: inline-block;
    padding-block: 0.375rem;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block: calc(var(--_space) / 2) 0;
  }
  .primary {
    min-block-size: 2.75rem;
    padding: 0.5rem 1.25rem;
    font-weight: 700;
    color: var(--_surface);
    background: var(--_accent);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .links button:not(.primary) {
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .share-status,
  .share-manual {
    margin-block: 0.5rem 0;
  }
  /* Kept in the page while empty: a live region must be there before its words arrive. */
  .share-status:empty {
    margin: 0;
  }
  .share-manual label {
    display: block;
    font-weight: 600;
  }
  .share-manual input {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.5rem;
    ${fieldControl}
  }
  .day-list {
    margin-block: var(--_space);
    padding: 0;
    list-style: none;
  }
  .day-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
    padding-block: 0.25rem;
    border-block-end: 1px solid var(--_border);
  }
  .day-list .event {
    font-size: 1em;
    white-space: normal;
    color: var(--_accent);
    text-decoration: underline;
  }
  civic-rsvp-form {
    margin-block: var(--_space);
  }
  @container (width < 30rem) {
    .facts div {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
  }
  @media (forced-colors: active) {
    .primary {
      forced-color-adjust: none;
      color: ButtonText;
      background: ButtonFace;
      border-color: ButtonText;
    }
    /* Opted out of forced colours, its focus ring would keep the page's accent. */
    .primary:focus-visible {
      outline-color: CanvasText;
    }
  }
  @media print {
    dialog {
      display: none;
    }
  }
`;
