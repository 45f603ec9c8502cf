import { css } from 'lit';

export const styles = css`
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list li {
    padding: calc(var(--_space) / 2) 0;
    border-block-end: 1px solid var(--_border);
  }
  .count {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }
`;
