/** Feeds for the calendar's tests: March 2026 at the Riverside library, in America/New_York. */
import type { Feed } from '../../src/feed/types.js';

export const MARCH = '2026-03-11';

/** A native feed with a weekly series (an EXDATE and a moved occurrence), all-day, cancelled, UTC and hostile events. */
export function marchFeed(): Feed {
  return {
    version: '1',
    title: 'Riverside Public Library',
    timezone: 'America/New_York',
    events: [
      {
        id: 'office-hours',
        title: 'Open Data Office Hours',
        start: '2026-03-03T18:30:00',
        end: '2026-03-03T20:00:00',
        rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=5',
        exdates: ['2026-03-17T18:30:00'],
        topics: ['housing'],
        attendanceMode: 'mixed',
        languages: ['en', 'es'],
        onlineUrl: 'https://meet.example.org/office-hours',
      },
      {
        id: 'office-hours-moved',
        seriesId: 'office-hours',
        recurrenceId: '2026-03-24T18:30:00',
        title: 'Open Data Office Hours (Thursday edition)',
        start: '2026-03-26T17:00:00',
        end: '2026-03-26T18:30:00',
      },
      { id: 'data-days', title: 'Data Days weekend', start: '2026-03-13', end: '2026-03-15', topics: ['environment'], audience: ['beginners'] },
      { id: 'census', title: 'Census workshop', start: '2026-03-10T10:00:00', end: '2026-03-10T12:00:00', status: 'cancelled', topics: ['housing'] },
      { id: 'planning', title: 'Hackathon planning call', start: '2026-03-05T15:00:00Z', end: '2026-03-05T16:30:00Z', attendanceMode: 'online', onlineUrl: 'https://meet.example.org/plan' },
      {
        id: 'hostile',
        title: '<img src=x onerror="window.__pwned=1">Hostile <b>title</b>',
        description: '<script>window.__pwned=2</script><p onclick="window.__pwned=3">Safe paragraph</p><a href="javascript:window.__pwned=4">link</a>',
        start: '2026-03-20T12:00:00',
        end: '2026-03-20T13:00:00',
      },
      {
        id: 'data-day',
        title: 'Riverside Data Day',
        start: '2026-03-28T10:00:00',
        end: '2026-03-28T16:00:00',
        description: 'Talks, workshops and a data fair.\n\nBring a laptop.',
        url: 'https://riverside.example.org/events/data-day',
        location: { name: 'Main Library', address: '100 Main St, Riverside, NY', lat: 40.7128, lon: -74.006 },
        attendanceMode: 'in-person',
        topics: ['housing', 'environment'],
        audience: ['beginners', 'researchers'],
        accessibility: ['wheelchair', 'asl'],
        languages: ['en'],
        cost: 'free',
        organizer: { name: 'Reference Desk', email: 'ref@riverside.example.org' },
        capacity: 120,
        registered: 100,
        rsvp: { endpoint: 'https://riverside.example.org/api/rsvp' },
      },
    ],
    groups: [],
    resources: [],
    places: [],
  };
}
