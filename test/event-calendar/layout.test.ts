import { expect } from 'chai';
import type { Occurrence } from '../../src/feed/occurrences.js';
import { byDay, laneRows, place, weekLanes, type Placed } from '../../src/event-calendar/layout.js';
import { parseDay } from '../../src/event-calendar/calendar-state.js';

/** An occurrence from `start` to `end`, in UTC (`YYYY-MM-DD` for all-day ones). */
function occurrence(id: string, start: string, end: string): Occurrence {
  const allDay = start.length === 10;
  const ms = (text: string) => Date.parse(allDay ? `${text}T00:00:00Z` : text);
  return {
    key: `${id}@${start}`,
    event: { id, title: id, start },
    start,
    end,
    allDay,
    startMs: ms(start),
    endMs: ms(end),
    status: 'scheduled',
  };
}

const day = (text: string) => parseDay(text)!;
const names = (rows: (Placed | null)[]) => rows.map((p) => p?.occurrence.event.id ?? null);

describe('calendar layout', () => {
  it('places an all-day end as exclusive, and a timed one ending at midnight on its own day', () => {
    const camp = place(occurrence('camp', '2026-03-02', '2026-03-05'));
    expect([camp.first, camp.last, camp.spanning]).to.deep.equal([day('2026-03-02'), day('2026-03-04'), true]);
    const evening = place(occurrence('evening', '2026-03-02T18:00:00Z', '2026-03-03T00:00:00Z'));
    expect([evening.first, evening.last, evening.spanning]).to.deep.equal([day('2026-03-02'), day('2026-03-02'), false]);
    const overnight = place(occurrence('overnight', '2026-03-02T20:00:00Z', '2026-03-03T02:00:00Z'));
    expect(overnight.spanning).to.equal(true);
  });

  it('lists each day spanning events first, then the day’s own by start', () => {
    const placed = [
      place(occurrence('late', '2026-03-03T18:00:00Z', '2026-03-03T19:00:00Z')),
      place(occurrence('early', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z')),
      place(occurrence('camp', '2026-03-02', '2026-03-05')),
    ];
    const days = byDay(placed, day('2026-03-02'), day('2026-03-09'));
    expect(days.get(day('2026-03-03'))!.map((p) => p.occurrence.event.id)).to.deep.equal(['camp', 'early', 'late']);
    expect(days.get(day('2026-03-05'))).to.deep.equal([]);
  });

  it('keeps a spanning event in one lane across its week, and leaves a free lane empty on the days it is free', () => {
    const week = day('2026-03-02'); // a Monday
    const long = place(occurrence('long', '2026-03-02', '2026-03-07')); // Mon–Fri
    const first = place(occurrence('first', '2026-03-02', '2026-03-04')); // Mon–Tue
    const later = place(occurrence('later', '2026-03-05', '2026-03-07')); // Thu–Fri
    const lanes = weekLanes([later, first, long], week);
    expect([lanes.get(long), lanes.get(first), lanes.get(later)]).to.deep.equal([0, 1, 1]);
    const days = byDay([long, first, later], week, week + 7);
    expect(names(laneRows(days.get(week + 2)!, lanes)), 'Wednesday').to.deep.equal(['long']);
    expect(names(laneRows(days.get(week + 3)!, lanes)), 'Thursday').to.deep.equal(['long', 'later']);

    // A lane above that is free on this day stays as a gap, so the bars below keep their height.
    const only = place(occurrence('only', '2026-03-05', '2026-03-06'));
    const gapLanes = new Map([[only, 1]]);
    expect(names(laneRows([only], gapLanes))).to.deep.equal([null, 'only']);
  });
});
