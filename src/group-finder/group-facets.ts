import { plainText } from '../feed/text.js';
import type { AttendanceMode, Group } from '../feed/types.js';
import type { FacetedListOptions } from '../shared/faceted-list/faceted-list-controller.js';
import type { MessageKey } from '../shared/localize.js';

/** Attendance modes in the catalogue's words. */
export const MODE_KEYS: Record<AttendanceMode, MessageKey> = {
  'in-person': 'modeInPerson',
  online: 'modeOnline',
  mixed: 'modeMixed',
};

/** What the group finder filters and searches by; the host adds the `distance` order. */
export const groupFinderOptions: FacetedListOptions<Group> = {
  facets: [
    { key: 'topic', values: (g) => g.topics },
    { key: 'dataset', values: (g) => g.datasets?.map((d) => d.name) },
    { key: 'mode', values: (g) => g.attendanceMode },
    { key: 'language', values: (g) => g.languages },
  ],
  search: [
    { text: (g) => g.name, weight: 4 },
    { text: (g) => g.datasets?.map((d) => d.name), weight: 2 },
    { text: (g) => (g.description ? plainText(g.description, 50_000) : undefined), weight: 1 },
  ],
  title: (g) => g.name,
};
