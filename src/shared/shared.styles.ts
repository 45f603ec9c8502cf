import { css } from 'lit';

/**
 * The sheet every element starts from. It makes the widget survive the host page (no theme's global
 * CSS reaches in, none of ours leaks out) and exposes the `--civic-*` tokens, each falling back to
 * what the page already uses so a widget looks at home in any theme.
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--civic-font-family, inherit);
    font-size: var(--civic-font-size, inherit);
    line-height: var(--civic-line-height, 1.5);
    color: var(--civic-color-text, inherit);
    --_accent: var(--civic-color-accent, LinkText);
    --_border: var(--civic-color-border, color-mix(in srgb, currentColor 30%, transparent));
    --_surface: var(--civic-color-surface, Canvas);
    --_muted: var(--civic-color-muted, color-mix(in srgb, currentColor 75%, transparent));
    --_error: var(--civic-color-error, #b3261e);
    --_radius: var(--civic-radius, 0.375rem);
    --_space: var(--civic-space, 1rem);
    --_focus: var(--civic-focus-ring, 3px solid var(--_accent));
  }
  /* The wrapper that carries the widget's lang and dir adds no box. */
  .locale {
    display: contents;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .notice {
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_border);
    border-inline-start-width: 0.25rem;
    border-radius: var(--_radius);
  }
  .notice[data-kind='error'] {
    border-color: var(--_error);
  }
  .notice p {
    margin: 0;
  }
  button {
    font: inherit;
  }
`;
