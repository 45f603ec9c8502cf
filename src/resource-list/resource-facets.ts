import type { Resource } from '../feed/types.js';
import type { FacetedListOptions } from '../shared/faceted-list/faceted-list-controller.js';
import { plainText } from '../feed/text.js';
import { resourceDate } from './resource-labels.js';

/** What the resource list filters, searches and sorts by. */
export const resourceListOptions: FacetedListOptions<Resource> = {
  facets: [
    { key: 'type', values: (r) => r.type },
    { key: 'topic', values: (r) => r.topics },
    { key: 'audience', values: (r) => r.audience },
    { key: 'language', values: (r) => r.languages },
  ],
  search: [
    { text: (r) => r.title, weight: 4 },
    { text: (r) => [r.author ?? '', r.publisher ?? ''], weight: 2 },
    { text: (r) => (r.description ? plainText(r.description, 50_000) : undefined), weight: 1 },
  ],
  title: (r) => r.title,
  orders: { newest: (r) => -resourceDate(r) },
};
