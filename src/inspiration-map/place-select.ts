/**
 * The `civic-place-select` event: what a visitor opened, from where.
 */
import type { CivicEvent, Group, Place } from '../feed/types.js';
import type { MapItem } from './map-items.js';

/** Where an item was opened. */
export type Where = 'map' | 'list';

/** Detail of `civic-place-select`: a visitor opened a place (or an event or group) on the map or in the list. */
export type CivicPlaceSelectDetail = { id: string; source: Where } & (
  | { kind: 'place'; place: Place }
  | { kind: 'event'; event: CivicEvent }
  | { kind: 'group'; group: Group }
);

declare global {
  interface HTMLElementEventMap {
    'civic-place-select': CustomEvent<CivicPlaceSelectDetail>;
  }
  interface DocumentEventMap {
    'civic-place-select': CustomEvent<CivicPlaceSelectDetail>;
  }
}

export function placeSelectDetail(item: MapItem, source: Where): CivicPlaceSelectDetail {
  switch (item.kind) {
    case 'event':
      return { kind: 'event', id: item.id, source, event: item.source as CivicEvent };
    case 'group':
      return { kind: 'group', id: item.id, source, group: item.source as Group };
    default:
      return { kind: 'place', id: item.id, source, place: item.source as Place };
  }
}
