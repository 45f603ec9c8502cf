import { css } from 'lit';
import { fieldControl } from '../shared/controls.styles.js';

/**
 * The map beside its list on wide containers, above it on narrow ones (container queries on the
 * host, so the widget fits a sidebar as well as a full-width page). No inline styles anywhere:
 * positions are SVG `transform` attributes, and everything else is here. They load with the views.
 */
export const viewStyles = css`
  .widget {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  /* ---- filters and count ---- */
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .field label {
    font-weight: 600;
  }
  select {
    ${fieldControl}
    min-block-size: 2.75rem;
    max-inline-size: 100%;
  }
  .status {
    margin: 0;
    color: var(--_muted);
    flex: 1 1 12rem;
  }

  /* ---- layout: list below the map, beside it when there is room ---- */
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  .map-area {
    position: relative;
    min-inline-size: 0;
  }
  .list-area {
    min-inline-size: 0;
  }
  @container (min-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 2fr) minmax(13rem, 1fr);
    }
    .map {
      aspect-ratio: 3 / 2;
    }
    /* The list is as tall as the map and scrolls within itself. */
    .list-area {
      contain: size;
      overflow: auto;
      overscroll-behavior: contain;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    /* The tile credit sits on the map's corner when there is room for it. */
    .attribution {
      position: absolute;
      inset-block-end: 1px;
      inset-inline-end: 1px;
      z-index: 2;
      max-inline-size: 60%;
      margin: 0;
      padding: 0.125rem 0.375rem;
      color: inherit;
      background: var(--_surface);
      border-start-start-radius: var(--_radius);
    }
    .card {
      position: absolute;
      inset-block-start: 0.5rem;
      inset-inline-end: 0.5rem;
      inline-size: min(22rem, calc(100% - 4.5rem));
      max-block-size: calc(100% - 1rem);
      overflow: auto;
      margin: 0;
      z-index: 3;
      box-shadow: 0 0.25rem 1rem color-mix(in srgb, currentColor 20%, transparent);
    }
  }

  /* ---- the map ---- */
  .map {
    position: relative;
    aspect-ratio: 4 / 3;
    overflow: hidden;
    background: var(--_water);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* At the full view a swipe scrolls the page; once zoomed in, it pans the map. */
    touch-action: pan-x pan-y;
  }
  .map.zoomed {
    touch-action: none;
  }
  .map:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .surface {
    position: absolute;
    inset: 0;
    display: block;
    inline-size: 100%;
    block-size: 100%;
    cursor: grab;
    user-select: none;
    -webkit-user-select: none;
  }
  .surface:active {
    cursor: grabbing;
  }
  .map-message {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    padding: var(--_space);
    text-align: center;
    background: var(--_surface);
  }
  .water {
    fill: var(--_water);
  }
  .land {
    fill: var(--_land);
    /* The coast, faintly: land and water stay apart in any theme. */
    stroke: var(--_map-border);
    stroke-width: 0.5px;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }
  .borders,
  .state-borders {
    fill: none;
    stroke: var(--_map-border);
    stroke-width: 0.75px;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }
  .state-borders {
    stroke-width: 0.5px;
  }

  /* ---- markers and clusters ---- */
  .marker,
  .cluster {
    cursor: pointer;
  }
  .marker:focus,
  .cluster:focus {
    outline: none;
  }
  .hit {
    fill: transparent;
  }
  .ring {
    fill: none;
    stroke: none;
  }
  .marker:focus-visible .ring {
    stroke: currentColor;
    stroke-width: 3px;
  }
  .cluster:focus-visible .bubble {
    stroke: currentColor;
    stroke-width: 3px;
  }
  .dot,
  .bubble {
    fill: var(--_marker);
    stroke: var(--_marker-ring);
    stroke-width: 2px;
  }
  .marker[aria-current] .dot {
    fill: var(--_marker-selected);
    stroke-width: 3px;
  }
  .cluster[part~='cluster-selected'] .bubble {
    stroke: var(--_marker-selected);
    stroke-width: 3px;
  }
  .marker:hover .dot,
  .cluster:hover .bubble {
    stroke: currentColor;
  }
  .count {
    fill: var(--_marker-ring);
    font-size: 0.75rem;
    font-weight: 700;
    text-anchor: middle;
    pointer-events: none;
  }

  /* ---- zoom buttons ---- */
  .controls {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-start: 0.5rem;
    z-index: 2;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .control {
    display: grid;
    place-items: center;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    padding: 0;
    font-size: 1.25rem;
    line-height: 1;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .control:hover {
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  .attribution {
    margin: 0.25rem 0 0;
    font-size: 0.75rem;
    color: var(--_muted);
  }

  /* ---- the card ---- */
  .card {
    margin-block-start: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .card-head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: calc(var(--_space) / 2);
  }
  .card-title {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  .card-title:focus {
    outline: none;
  }
  .card-title:focus-visible {
    outline: var(--_focus);
  }
  .close {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    padding: 0;
    font-size: 1.5rem;
    line-height: 1;
    color: inherit;
    background: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .card-kind {
    margin: 0.25rem 0 0;
    color: var(--_muted);
  }
  .facts {
    display: grid;
    gap: 0.125rem;
    margin: 0.5rem 0;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .description :first-child {
    margin-block-start: 0;
  }
  .card-link {
    margin: 0.5rem 0 0;
  }
  .spot-list {
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }
  .spot-list li {
    display: grid;
    padding-block: 0.25rem;
  }
  .spot-item {
    justify-self: start;
    min-block-size: 2.75rem;
    padding: 0 0.5rem;
    text-align: start;
    color: var(--_accent);
    background: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  /* ---- the list ---- */
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list-item {
    border-block-end: 1px solid var(--_border);
    /* Thousands of entries lay out only when scrolled to. */
    content-visibility: auto;
    contain-intrinsic-size: auto 3.5rem;
  }
  .list-item:last-child {
    border-block-end: 0;
  }
  .item {
    display: grid;
    gap: 0.125rem;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.75rem;
    text-align: start;
    color: inherit;
    background: none;
    border: 0;
    border-inline-start: 0.25rem solid transparent;
    cursor: pointer;
  }
  .item:hover {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  .item:focus-visible {
    outline-offset: -3px;
  }
  .item[aria-current='true'] {
    border-inline-start-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
  }
  .item-name {
    font-weight: 600;
  }
  .item-meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .empty {
    margin: 0;
    padding: var(--_space);
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    .surface {
      forced-color-adjust: none;
    }
    .water {
      fill: Canvas;
    }
    .land {
      fill: Canvas;
      stroke: CanvasText;
      stroke-width: 0.75px;
      vector-effect: non-scaling-stroke;
    }
    .borders,
    .state-borders {
      stroke: GrayText;
    }
    .dot,
    .bubble {
      fill: LinkText;
      stroke: Canvas;
    }
    .count {
      fill: Canvas;
    }
    .marker[aria-current] .dot,
    .cluster[part~='cluster-selected'] .bubble {
      fill: Highlight;
      stroke: CanvasText;
    }
    .marker:focus-visible .ring,
    .cluster:focus-visible .bubble {
      stroke: Highlight;
    }
    /* Without its hover fill, a row of the list needs a border to read as a button. */
    .item {
      border: 1px solid ButtonText;
    }
    .item[aria-current='true'] {
      border-inline-start: 0.25rem solid Highlight;
    }
  }
`;
