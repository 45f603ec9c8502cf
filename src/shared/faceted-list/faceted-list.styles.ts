import { css } from 'lit';
import { buttonControl, fieldControl } from '../controls.styles.js';

/**
 * The shared layout of a faceted list. The widget, not the viewport, decides: filters stack above
 * the list in a narrow column (down to 320 px) and sit beside it when there is room.
 */
export const facetedListStyles = css`
  .faceted {
    container-type: inline-size;
  }
  .columns {
    display: grid;
    gap: var(--_space);
    align-items: start;
  }
  @container (min-width: 44rem) {
    .columns {
      grid-template-columns: minmax(12rem, 17rem) minmax(0, 1fr);
    }
  }
  .controls {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .results {
    min-width: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  input[type='search'],
  select {
    width: 100%;
    max-width: 100%;
    min-height: 2.75rem;
    ${fieldControl}
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75) calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    padding: 0 0.25rem;
  }
  .facet-values {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .facet-values label {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    min-height: 1.75rem;
    padding-block: 0.125rem;
    font-weight: normal;
    cursor: pointer;
  }
  .facet-values input {
    flex: none;
    margin: 0;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    align-self: center;
    accent-color: var(--_accent);
  }
  .facet-label {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .facet-count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  button.facet-more,
  button.clear,
  button.show-more,
  .empty button {
    ${buttonControl}
  }
  button.facet-more {
    min-height: 2.25rem;
    margin-top: 0.25rem;
    padding: 0.125rem 0.5rem;
    color: var(--_accent);
    background: none;
    border-color: transparent;
    text-decoration: underline;
  }
  button.clear {
    align-self: flex-start;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .status {
    margin: 0;
    font-weight: 600;
  }
  .status-extra {
    display: block;
    font-weight: normal;
    color: var(--_muted);
  }
  .cards {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    min-width: 0;
    padding: var(--_space);
    overflow-wrap: anywhere;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .card-title {
    margin: 0 0 0.25rem;
    font-size: 1.2em;
    line-height: 1.3;
  }
  .card-title:focus {
    outline-offset: 4px;
  }
  .meta {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }
  .badge {
    display: inline-block;
    margin-inline-start: 0.5rem;
    padding: 0 0.5em;
    font-size: 0.75em;
    font-weight: 700;
    line-height: 1.6;
    vertical-align: 0.15em;
    color: var(--civic-badge-color, var(--_surface));
    background: var(--civic-badge-background, var(--_accent));
    border: 1px solid transparent;
    border-radius: 999px;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    margin: 0.75rem 0 0;
  }
  .facts > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dt::after {
    content: ':';
  }
  .facts dd {
    min-width: 0;
    margin: 0;
  }
  .empty {
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty p {
    margin: 0 0 0.75rem;
  }
  button.show-more {
    display: block;
    width: 100%;
    margin-block-start: var(--_space);
  }
  @media (forced-colors: active) {
    .card,
    fieldset,
    .empty,
    input[type='search'],
    select,
    button {
      border-color: CanvasText;
    }
    .badge {
      color: CanvasText;
      background: Canvas;
      border-color: CanvasText;
    }
    button.facet-more {
      color: LinkText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
