import { css } from 'lit';

/**
 * The host's box and the map's colours, there from the first paint: the host is the container
 * the views' container queries measure. The rest of the styles load with the views.
 */
export const styles = css`
  :host {
    container-type: inline-size;
    --_land: var(--civic-map-land, color-mix(in srgb, currentColor 12%, var(--_surface)));
    --_water: var(--civic-map-water, color-mix(in srgb, var(--_accent) 16%, var(--_surface)));
    --_map-border: var(--civic-map-border, color-mix(in srgb, currentColor 40%, transparent));
    --_marker: var(--civic-map-marker, var(--_accent));
    --_marker-ring: var(--_surface);
    --_marker-selected: currentColor;
  }
`;
