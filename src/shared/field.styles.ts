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
