import { css } from 'lit';

/**
 * What Leaflet's DOM needs to lay out inside our shadow root (panes stacked and positioned, tiles
 * hidden until loaded, zoom transitions), written for the few features the tile map uses, plus
 * our markers. It loads with the tile map's chunk and is adopted only when tiles are on.
 */
export const tileMapStyles = css`
  .leaflet-container {
    overflow: hidden;
    touch-action: none;
    -webkit-tap-highlight-color: transparent;
  }
  .leaflet-pane,
  .leaflet-layer,
  .leaflet-tile,
  .leaflet-tile-container,
  .leaflet-marker-icon {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
  }
  .leaflet-pane {
    z-index: 1;
  }
  .leaflet-tile-pane {
    z-index: 1;
  }
  .leaflet-marker-pane {
    z-index: 2;
  }
  .leaflet-tile,
  .leaflet-marker-icon {
    user-select: none;
    -webkit-user-drag: none;
  }
  .leaflet-container img.leaflet-tile {
    max-width: none;
    max-height: none;
    width: auto;
    padding: 0;
    visibility: hidden;
  }
  .leaflet-container img.leaflet-tile-loaded {
    visibility: inherit;
  }
  .leaflet-zoom-animated {
    transform-origin: 0 0;
  }
  .leaflet-zoom-anim .leaflet-zoom-animated {
    transition: transform 0.25s cubic-bezier(0, 0, 0.25, 1);
  }
  .leaflet-zoom-anim .leaflet-zoom-hide {
    visibility: hidden;
  }
  .leaflet-zoom-anim .leaflet-tile,
  .leaflet-pan-anim .leaflet-tile {
    transition: none;
  }
  .leaflet-fade-anim .leaflet-tile {
    will-change: opacity;
  }
  .leaflet-grab {
    cursor: grab;
  }
  .leaflet-dragging,
  .leaflet-dragging .leaflet-grab,
  .leaflet-dragging .leaflet-marker-icon {
    cursor: grabbing;
  }
  .leaflet-control-container {
    display: none;
  }

  .tile-icon {
    display: grid;
    place-items: center;
    cursor: pointer;
    border-radius: 50%;
  }
  .tile-icon:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .tile-dot {
    inline-size: 14px;
    block-size: 14px;
    border-radius: 50%;
    background: var(--_marker);
    border: 2px solid var(--_marker-ring);
  }
  .tile-icon.is-selected .tile-dot {
    inline-size: 20px;
    block-size: 20px;
    background: var(--_marker-selected);
    box-shadow: 0 0 0 3px var(--_marker-ring), 0 0 0 5px var(--_marker-selected);
  }
  .tile-bubble {
    display: grid;
    place-items: center;
    inline-size: 100%;
    block-size: 100%;
    border-radius: 50%;
    background: var(--_marker);
    color: var(--_marker-ring);
    border: 2px solid var(--_marker-ring);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1;
  }
  .tile-icon.is-selected .tile-bubble {
    box-shadow: 0 0 0 3px var(--_marker-selected);
  }

  @media (prefers-reduced-motion: reduce) {
    .leaflet-zoom-anim .leaflet-zoom-animated {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .tile-dot,
    .tile-bubble {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
      border-color: ButtonFace;
    }
    .tile-icon.is-selected .tile-dot,
    .tile-icon.is-selected .tile-bubble {
      background: Highlight;
      box-shadow: 0 0 0 3px Canvas, 0 0 0 5px Highlight;
    }
  }
`;
