import { css } from 'lit';

/** Subscribe's panel: below the toolbar, over what follows, aligned to the toolbar's end. */
export const subscribeStyles = css`
  .subscribe-panel {
    position: absolute;
    inset-block-start: calc(100% + 0.25rem);
    inset-inline-end: 0;
    z-index: 3;
    inline-size: max-content;
    max-inline-size: min(24rem, 100%);
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.25rem 1rem color-mix(in srgb, currentColor 18%, transparent);
  }
  .subscribe-panel p {
    margin: 0 0 0.5rem;
  }
  .subscribe-panel ul {
    display: grid;
    gap: 0.125rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .subscribe-panel a {
    display: block;
    padding: 0.375rem 0.25rem;
    color: var(--_accent);
  }
`;
