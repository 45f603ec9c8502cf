import { css } from 'lit';

/**
 * The look of a text field or select in every widget (declarations, to place inside a rule): the
 * page's font and colour, our surface, border and radius. Each sheet sets its own sizes.
 */
export const fieldControl = css`
  padding: 0.375rem 0.5rem;
  font: inherit;
  color: inherit;
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
`;

/** The look of a secondary button in the finders ("Show more", "Clear filters", "Near me"): a target of 2.75rem. */
export const buttonControl = css`
  min-height: 2.75rem;
  padding: 0.375rem 0.875rem;
  color: inherit;
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  cursor: pointer;
`;
