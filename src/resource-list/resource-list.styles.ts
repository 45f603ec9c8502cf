import { css } from 'lit';

/** What only the resource list adds to the shared faceted-list layout. */
export const styles = css`
  .sort-field {
    flex: 0 1 12rem;
  }
  .description > :first-child {
    margin-top: 0;
  }
  .description > :last-child {
    margin-bottom: 0;
  }
`;
