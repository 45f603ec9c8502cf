/**
 * 2,000 events in March 2026 (or any number over a whole year), the same for every calendar in the benchmark: mostly timed
 * (8:00–20:00, half an hour to three hours), one in twelve all-day (one to three days), in the
 * feed's zone, UTC, so no calendar converts zones. Deterministic: the same events every run.
 */
import { lcgRandom as random } from '../seeded-random.mjs';

const TOPICS = ['housing', 'environment', 'transit', 'budget', 'health', 'education'];
const WORDS = ['Open', 'Data', 'Housing', 'Census', 'Transit', 'Budget', 'Mapping', 'Workshop', 'Clinic', 'Meetup', 'Walk', 'Hack'];

const pad = (n) => String(n).padStart(2, '0');

/** The native feed (feed-format.md) and the same events in FullCalendar's shape, all in one month. */
export function generateEvents(count = 2000, year = 2026, month = 3) {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return generate(count, year, month, days);
}

/** The same kind of events spread over a whole year (a library system's year, not its month). */
export function generateYear(count, year = 2026) {
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return generate(count, year, 1, days);
}

/** `count` events on days 1…`days` counted from the first of `month` (days past its end roll over). */
function generate(count, year, month, days) {
  const r = random(42);
  const events = [];
  for (let i = 0; i < count; i++) {
    const day = 1 + Math.floor(r() * days);
    const title = `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]} ${i + 1}`;
    const topic = TOPICS[i % TOPICS.length];
    const date = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
    if (r() < 1 / 12) {
      const length = 1 + Math.floor(r() * 3);
      const end = new Date(Date.UTC(year, month - 1, day + length)).toISOString().slice(0, 10);
      events.push({ id: `e${i}`, title, start: date, end, topics: [topic] });
      continue;
    }
    const startMinute = 8 * 60 + Math.floor(r() * 48) * 15;
    const endMinute = Math.min(23 * 60 + 45, startMinute + 30 + Math.floor(r() * 11) * 15);
    const time = (m) => `${date}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00`;
    events.push({
      id: `e${i}`,
      title,
      start: time(startMinute),
      end: time(endMinute),
      topics: [topic],
      location: { name: `Branch ${1 + (i % 7)}` },
    });
  }
  const feed = { version: '1', title: 'Benchmark library', timezone: 'UTC', events };
  const fullCalendar = events.map((e) => ({ id: e.id, title: e.title, start: e.start, end: e.end, allDay: !e.start.includes('T') }));
  return { feed, fullCalendar };
}
