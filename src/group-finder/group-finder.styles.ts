import { css } from 'lit';
import { buttonControl } from '../shared/controls.styles.js';

/** What only the group finder adds to the shared faceted-list layout: "near me" and meetings. */
export const styles = css`
  .near {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: 0.5rem;
  }
  .near label {
    font-weight: normal;
  }
  button.locate {
    align-self: flex-start;
  }
  button.locate,
  .meeting-action {
    ${buttonControl}
  }
  button.locate[aria-disabled='true'] {
    cursor: progress;
  }
  .near-note {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .near-note:empty {
    display: none;
  }
  .description > :first-child {
    margin-top: 0;
  }
  .description > :last-child {
    margin-bottom: 0;
  }
  .meetings {
    margin-top: 0.75rem;
  }
  .meetings-title {
    margin: 0 0 0.25rem;
    font-size: 1em;
  }
  .meeting-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .meeting {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding-block: 0.25rem;
  }
  .meeting[data-status='cancelled'] time {
    text-decoration: line-through;
  }
  .meeting-status {
    font-weight: 600;
  }
  .meeting[data-status='cancelled'] .meeting-status {
    color: var(--_error);
  }
  .meeting-action {
    min-height: 2rem;
    padding: 0.125rem 0.625rem;
    font-size: 0.875em;
  }
  a.meeting-action {
    display: inline-flex;
    align-items: center;
    color: var(--_accent);
  }
  .join {
    margin: 0.75rem 0 0;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .meeting-action,
    button.locate {
      border-color: ButtonText;
    }
    .meeting-status {
      color: CanvasText;
    }
  }
`;
