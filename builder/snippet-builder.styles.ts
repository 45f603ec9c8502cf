import { css } from 'lit';

/** The builder's layout: settings beside the check and the snippet, the live widget below. Colours come from the page. */
export const snippetBuilderStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    --_border: color-mix(in srgb, currentColor 35%, transparent);
    --_accent: var(--civic-color-accent, LinkText);
    --_error: var(--civic-color-error, #b3261e);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .builder {
    display: grid;
    gap: 1.5rem;
    grid-template-columns: minmax(0, 1fr);
  }
  @media (min-width: 60rem) {
    .builder {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    }
    .preview {
      grid-column: 1 / -1;
    }
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.25rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: 0.375rem;
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0 0.75rem;
  }
  .choice {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
    margin: 0.375rem 0;
  }
  .choice .hint {
    flex-basis: 100%;
  }
  label {
    font-weight: 500;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: Canvas;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    padding: 0.375rem 0.5rem;
    min-height: 2.5rem;
    width: 100%;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  textarea {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .hint {
    margin: 0;
    font-size: 0.875rem;
  }
  /* The error colour marks the edge, as in the widgets: text in it would be too faint on a dark page. */
  .error,
  .problem {
    border-inline-start: 0.25rem solid var(--_error);
    padding-inline-start: 0.5rem;
    font-weight: 600;
    margin: 0.25rem 0;
  }
  details {
    margin-top: 0.5rem;
  }
  summary {
    cursor: pointer;
    min-height: 1.5rem;
  }
  button {
    font: inherit;
    margin-top: 0.5rem;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_accent);
    border-radius: 0.375rem;
    background: var(--_accent);
    color: Canvas;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  ul {
    margin: 0.25rem 0;
    padding-inline-start: 1.25rem;
  }
  .formats {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25rem;
  }
  .formats legend {
    float: left;
    width: 100%;
  }
  .preview-area {
    border: 1px dashed var(--_border);
    border-radius: 0.375rem;
    padding: 1rem;
  }
  .copy-status:empty {
    display: none;
  }
  /* Forced colours keep the button's own colours apart and every edge visible. */
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    .error,
    .problem,
    [aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
