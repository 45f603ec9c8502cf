/**
 * Deterministic test data for the feed benchmark: an iCalendar file shaped like a Google Calendar
 * export (VTIMEZONE America/New_York, a third of the events weekly with EXDATEs and a few moved
 * occurrences) and a native JSON feed.
 */

import { lcgRandom as random } from '../seeded-random.mjs';

const TOPICS = ['housing', 'transit', 'environment', 'budget', 'health', 'education', 'open-data'];
const ROOMS = ['Main Library, Room A', 'Eastside Branch', 'Makerspace', 'Community Room', 'Online'];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const icsDate = (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const icsLocal = (d) => `${icsDate(d)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
const isoLocal = (d) => d.toISOString().slice(0, 19);

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'X-LIC-LOCATION:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Folds a content line at 75 octets the way RFC 5545 §3.1 asks (ASCII content here). */
function fold(line) {
  const out = [];
  for (let i = 0; i < line.length; i += i === 0 ? 75 : 74) out.push((i ? ' ' : '') + line.slice(i, i === 0 ? 75 : i + 74));
  return out.join('\r\n');
}

/** `count` events in `year`: returns the .ics text and how many VEVENTs it holds. */
export function generateIcs(count, year) {
  const rand = random(42);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Civic Widgets//Bench//EN', 'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:Riverside Public Library', 'X-WR-TIMEZONE:America/New_York', ...VTIMEZONE];
  let vevents = 0;
  for (let i = 0; i < count; i++) {
    const day = Math.floor(rand() * 330);
    const start = new Date(Date.UTC(year, 0, 1 + day, 9 + Math.floor(rand() * 11), rand() < 0.5 ? 0 : 30));
    const end = new Date(start.getTime() + (1 + Math.floor(rand() * 3)) * 3_600_000);
    const uid = `event-${i}@bench.example.org`;
    const event = ['BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${year}0101T000000Z`,
      `DTSTART;TZID=America/New_York:${icsLocal(start)}`, `DTEND;TZID=America/New_York:${icsLocal(end)}`,
      fold(`SUMMARY:Civic data workshop ${i}\\, session on ${TOPICS[i % TOPICS.length]}`),
      fold(`DESCRIPTION:Bring a laptop\\; we will look at ${TOPICS[i % TOPICS.length]} data together.\\nAll welcome.`),
      `LOCATION:${ROOMS[i % ROOMS.length]}`, `CATEGORIES:${TOPICS[i % TOPICS.length]},${TOPICS[(i + 3) % TOPICS.length]}`,
      `URL:https://library.example.org/events/${i}`, 'STATUS:CONFIRMED'];
    const recurring = i % 3 === 0;
    if (recurring) {
      event.push(i % 2 ? `RRULE:FREQ=WEEKLY;COUNT=${8 + (i % 5)}` : `RRULE:FREQ=WEEKLY;UNTIL=${year}1231T235959Z`);
      const ex1 = new Date(start.getTime() + 14 * 86_400_000);
      const ex2 = new Date(start.getTime() + 35 * 86_400_000);
      event.push(`EXDATE;TZID=America/New_York:${icsLocal(ex1)},${icsLocal(ex2)}`);
    }
    event.push('END:VEVENT');
    lines.push(...event);
    vevents++;
    if (recurring && i % 10 === 0) {
      // One moved occurrence (the fourth) for every tenth series.
      const original = new Date(start.getTime() + 21 * 86_400_000);
      const moved = new Date(original.getTime() + 86_400_000);
      lines.push('BEGIN:VEVENT', `UID:${uid}`, `RECURRENCE-ID;TZID=America/New_York:${icsLocal(original)}`,
        `DTSTART;TZID=America/New_York:${icsLocal(moved)}`,
        `DTEND;TZID=America/New_York:${icsLocal(new Date(moved.getTime() + 3_600_000))}`,
        `SUMMARY:Civic data workshop ${i} (moved)`, 'END:VEVENT');
      vevents++;
    }
  }
  lines.push('END:VCALENDAR');
  return { text: `${lines.join('\r\n')}\r\n`, vevents };
}

/** A native feed of `count` one-off events, with the fields a library typically fills in. */
export function generateJson(count, year) {
  const rand = random(7);
  const events = [];
  for (let i = 0; i < count; i++) {
    const start = new Date(Date.UTC(year, 0, 1 + Math.floor(rand() * 360), 9 + Math.floor(rand() * 11), 0));
    const end = new Date(start.getTime() + 2 * 3_600_000);
    events.push({
      id: `json-${i}`,
      title: `Open data office hours ${i}`,
      start: isoLocal(start),
      end: isoLocal(end),
      description: `<p>Ask us about <strong>${TOPICS[i % TOPICS.length]}</strong> data.</p>`,
      url: `https://library.example.org/events/json-${i}`,
      attendanceMode: i % 4 ? 'in-person' : 'mixed',
      location: { name: ROOMS[i % ROOMS.length], address: '100 Main St, Riverside', lat: 40.7 + (i % 10) / 100, lon: -74 },
      topics: [TOPICS[i % TOPICS.length], TOPICS[(i + 2) % TOPICS.length]],
      audience: ['beginners'],
      accessibility: ['wheelchair', 'captions'],
      languages: ['en', 'es'],
      cost: 'free',
      organizer: { name: 'Data Services', email: 'data@library.example.org' },
      capacity: 30,
      registered: i % 30,
    });
  }
  return JSON.stringify({ version: '1', title: 'Riverside Public Library', timezone: 'America/New_York', events });
}
