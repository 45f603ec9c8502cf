import { css } from 'lit';

/**
 * What the element needs before its views load: the feed's error and stale notices sit flush, as
 * the form's own notices do.
 */
export const shellStyles = css`
  .notice {
    margin: 0;
  }
`;
