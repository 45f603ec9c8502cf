import { css } from 'lit';
import { fieldControl } from '../shared/controls.styles.js';

/**
 * The form reads at 320 px and up (one column, nothing of fixed width), keeps every focus visible,
 * and in forced-colors mode leans on system colours so borders, errors and the disabled button
 * stay distinguishable.
 */
export const styles = css`
  .rsvp {
    display: grid;
    gap: var(--_space);
    max-width: 40rem;
  }
  .heading {
    margin: 0;
    font-size: 1.25em;
    font-weight: bold;
    line-height: 1.3;
  }
  .heading[tabindex='-1']:focus {
    outline: none;
  }
  .heading[tabindex='-1']:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  /* when, where, seats */
  .facts {
    display: grid;
    gap: calc(var(--_space) / 4);
    margin: 0;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) / 2);
  }
  .facts dt {
    font-weight: bold;
    min-width: 5em;
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  /* a series taken whole: its sessions */
  .sessions p,
  .sessions ul {
    margin: 0;
  }
  .sessions ul {
    padding-inline-start: 1.25em;
  }

  form,
  .fields {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 4);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .field > label,
  legend {
    font-weight: bold;
    padding: 0;
  }
  .required {
    font-weight: normal;
  }
  .help {
    margin: 0;
    color: var(--_muted);
  }
  /* Error texts keep the page's text colour, which is readable on any theme; the error colour
     marks them with a bar (a red text on a dark page would fail contrast). */
  .field-error {
    margin: 0;
    padding-inline-start: calc(var(--_space) / 2);
    border-inline-start: 0.25rem solid var(--_error);
    font-weight: bold;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    max-width: 100%;
    min-height: 2.75rem;
    ${fieldControl}
    padding: 0.5rem;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true']:not([type='checkbox']):not([type='radio']) {
    border: 2px solid var(--_error);
  }
  .group {
    gap: calc(var(--_space) / 2);
  }
  .group legend {
    margin-block-end: calc(var(--_space) / 4);
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .choice input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--_accent);
  }
  .choice label {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  /* The honeypot: clipped away for people, hidden from screen readers by aria-hidden. Not moved
     off screen: an offset pushes a right-to-left widget's page 10,000 px wide on a left-to-right page. */
  .hp {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .privacy {
    margin: 0;
    color: var(--_muted);
  }
  button {
    justify-self: start;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_surface);
    font-weight: bold;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .error-summary {
    padding: var(--_space);
    border: 0.25rem solid var(--_error);
    border-radius: var(--_radius);
  }
  .error-summary ul {
    margin: calc(var(--_space) / 2) 0 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: inherit;
    font-weight: bold;
  }
  .confirmation {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-inline-start-width: 0.25rem;
    border-color: var(--_accent);
    border-radius: var(--_radius);
  }
  .confirmation p,
  .confirmation ul {
    margin: 0;
  }
  /* Stays in the accessibility tree when empty, so what is written into it later is announced. */
  .status:empty {
    padding: 0;
    border: 0;
  }
  .status {
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  @media (forced-colors: active) {
    input:not([type='checkbox']):not([type='radio']),
    select,
    textarea,
    .error-summary,
    .confirmation,
    .status {
      border-color: CanvasText;
    }
    .field-error {
      border-color: Mark;
    }
    .error-summary a {
      color: LinkText;
    }
    [aria-invalid='true']:not([type='checkbox']):not([type='radio']) {
      border-color: Mark;
    }
    /* Mark is a highlighter yellow: on a light Canvas the field would lose its edge without a ring. */
    [aria-invalid='true']:not([type='checkbox']):not([type='radio']):not(:focus-visible) {
      outline: 1px solid CanvasText;
    }
    button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
      opacity: 1;
    }
  }
`;
