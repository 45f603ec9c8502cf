import { expect } from 'chai';
import { dayForKey } from '../../src/event-calendar/grid-keys.js';
import { byDay, hourRange, layOutDay, place, weekLanes, MAX_COLUMNS } from '../../src/event-calendar/layout.js';
import { addMonths, dayStartIn, dayText, firstDayOfWeek, periodOf, shiftAnchor, todayIn, weekday, weekStart } from '../../src/event-calendar/period.js';
import { parseDay } from '../../src/event-calendar/calendar-state.js';
import type { Occurrence } from '../../src/feed/occurrences.js';

const d = (text: string) => parseDay(text)!;
const t = (day: number) => dayText(day);

function occurrence(start: string, end: string, more: Partial<Occurrence> = {}): Occurrence {
  const allDay = !start.includes('T');
  return {
    key: `${start}/${end}`,
    event: { id: start, title: start, start, end },
    start,
    end,
    allDay,
    startMs: Date.parse(allDay ? `${start}T00:00:00Z` : start),
    endMs: Date.parse(allDay ? `${end}T00:00:00Z` : end),
    status: 'scheduled',
    ...more,
  };
}

describe('period math', () => {
  it('reads real days only', () => {
    expect(t(d('2026-03-11'))).to.equal('2026-03-11');
    expect(parseDay('2026-02-29')).to.equal(undefined);
    expect(parseDay('2024-02-29')).to.not.equal(undefined);
    expect(parseDay('2026-13-01')).to.equal(undefined);
    expect(parseDay('11/03/2026')).to.equal(undefined);
    expect(parseDay('')).to.equal(undefined);
    expect(weekday(d('2026-03-11'))).to.equal(3); // a Wednesday
  });

  it('adds months, keeping the day or the month’s last one', () => {
    expect(t(addMonths(d('2026-01-31'), 1))).to.equal('2026-02-28');
    expect(t(addMonths(d('2024-01-31'), 1))).to.equal('2024-02-29');
    expect(t(addMonths(d('2026-03-15'), -3))).to.equal('2025-12-15');
    expect(t(addMonths(d('2026-03-15'), 12))).to.equal('2027-03-15');
  });

  it('starts weeks on the locale’s first day', () => {
    expect(firstDayOfWeek('en-US')).to.equal(0);
    expect(firstDayOfWeek('fr-FR')).to.equal(1);
    expect(firstDayOfWeek('en-GB')).to.equal(1);
    expect(firstDayOfWeek('ar-EG')).to.equal(6);
    expect(firstDayOfWeek('en-US-u-fw-mon')).to.equal(1);
    expect(t(weekStart(d('2026-03-11'), 0))).to.equal('2026-03-08');
    expect(t(weekStart(d('2026-03-11'), 1))).to.equal('2026-03-09');
    expect(t(weekStart(d('2026-03-11'), 6))).to.equal('2026-03-07');
    expect(t(weekStart(d('2026-03-08'), 0))).to.equal('2026-03-08');
  });

  it('shows whole weeks around the month, the month as a list, and the week', () => {
    const month = periodOf('month', d('2026-03-11'), 0);
    expect([t(month.start), t(month.end), t(month.monthStart), t(month.monthEnd)]).to.deep.equal(['2026-03-01', '2026-04-05', '2026-03-01', '2026-04-01']);
    const monday = periodOf('month', d('2026-03-11'), 1);
    expect([t(monday.start), t(monday.end)]).to.deep.equal(['2026-02-23', '2026-04-06']);
    const list = periodOf('list', d('2026-02-14'), 1);
    expect([t(list.start), t(list.end)]).to.deep.equal(['2026-02-01', '2026-03-01']);
    const week = periodOf('week', d('2026-03-11'), 1);
    expect([t(week.start), t(week.end)]).to.deep.equal(['2026-03-09', '2026-03-16']);
  });

  it('moves a month or a week at a time', () => {
    expect(t(shiftAnchor('month', d('2026-03-31'), -1))).to.equal('2026-02-28');
    expect(t(shiftAnchor('list', d('2026-12-15'), 1))).to.equal('2027-01-15');
    expect(t(shiftAnchor('week', d('2026-03-11'), 1))).to.equal('2026-03-18');
  });

  it('meets time zones only at day boundaries', () => {
    expect(new Date(dayStartIn(d('2026-03-08'), 'America/New_York')).toISOString()).to.equal('2026-03-08T05:00:00.000Z');
    expect(new Date(dayStartIn(d('2026-03-09'), 'America/New_York')).toISOString()).to.equal('2026-03-09T04:00:00.000Z');
    expect(t(todayIn('Pacific/Kiritimati', Date.parse('2026-03-11T12:00:00Z')))).to.equal('2026-03-12');
    expect(t(todayIn('Pacific/Pago_Pago', Date.parse('2026-03-11T08:00:00Z')))).to.equal('2026-03-10');
  });
});

describe('grid keys', () => {
  const day = d('2026-03-11');
  const key = (k: string, more = {}, rtl = false) => t(dayForKey({ key: k, ...more }, day, 0, rtl)!);

  it('moves by day and week, mirrored right to left', () => {
    expect(key('ArrowRight')).to.equal('2026-03-12');
    expect(key('ArrowLeft')).to.equal('2026-03-10');
    expect(key('ArrowRight', {}, true)).to.equal('2026-03-10');
    expect(key('ArrowLeft', {}, true)).to.equal('2026-03-12');
    expect(key('ArrowDown')).to.equal('2026-03-18');
    expect(key('ArrowUp')).to.equal('2026-03-04');
  });

  it('goes to the ends of the week or month, and by months and years', () => {
    expect(key('Home')).to.equal('2026-03-08');
    expect(key('End')).to.equal('2026-03-14');
    expect(key('Home', { ctrlKey: true })).to.equal('2026-03-01');
    expect(key('End', { ctrlKey: true })).to.equal('2026-03-31');
    expect(key('PageUp')).to.equal('2026-02-11');
    expect(key('PageDown')).to.equal('2026-04-11');
    expect(key('PageDown', { shiftKey: true })).to.equal('2027-03-11');
    expect(dayForKey({ key: 'a' }, day, 0, false)).to.equal(undefined);
  });
});

describe('layout', () => {
  it('respects the exclusive end of all-day events and of timed ones at midnight', () => {
    const twoDays = place(occurrence('2026-03-13', '2026-03-15'));
    expect([t(twoDays.first), t(twoDays.last), twoDays.spanning]).to.deep.equal(['2026-03-13', '2026-03-14', true]);
    const toMidnight = place(occurrence('2026-03-13T22:00:00-04:00', '2026-03-14T00:00:00-04:00'));
    expect([t(toMidnight.first), t(toMidnight.last), toMidnight.spanning]).to.deep.equal(['2026-03-13', '2026-03-13', false]);
    const overnight = place(occurrence('2026-03-13T22:00:00-04:00', '2026-03-14T02:00:00-04:00'));
    expect([t(overnight.last), overnight.spanning]).to.deep.equal(['2026-03-14', true]);
  });

  it('lists a spanning event on each of its days, before the day’s own', () => {
    const days = byDay(
      [place(occurrence('2026-03-13T09:00:00Z', '2026-03-13T10:00:00Z')), place(occurrence('2026-03-12', '2026-03-15'))],
      d('2026-03-12'),
      d('2026-03-16'),
    );
    expect([...days.values()].map((list) => list.length)).to.deep.equal([1, 2, 1, 0]);
    expect(days.get(d('2026-03-13'))![0]!.spanning).to.equal(true);
  });

  it('keeps a bar in one lane across its week', () => {
    const a = place(occurrence('2026-03-09', '2026-03-12'));
    const b = place(occurrence('2026-03-11', '2026-03-14'));
    const c = place(occurrence('2026-03-13', '2026-03-14'));
    const lanes = weekLanes([a, b, c], d('2026-03-08'));
    expect([lanes.get(a), lanes.get(b), lanes.get(c)]).to.deep.equal([0, 1, 0]);
  });

  it('puts overlapping timed events side by side, and the rest behind “more”', () => {
    const list = ['09:00', '09:00', '09:30', '09:30', '09:45', '11:00'].map((time, i) =>
      place(occurrence(`2026-03-13T${time}:00Z`, `2026-03-13T${time.replace(/^09/, '10').replace(/^11/, '12')}:00Z`, { key: `k${i}` })),
    );
    expect(hourRange(list)).to.deep.equal({ from: 8, to: 18 });
    const column = layOutDay(list, 8);
    expect(column.boxes.map((b) => [b.row, b.span, b.column, b.columns])).to.deep.equal([
      [5, 4, 0, MAX_COLUMNS],
      [5, 4, 1, MAX_COLUMNS],
      [7, 4, 2, MAX_COLUMNS],
      [13, 4, 0, 1],
    ]);
    expect(MAX_COLUMNS).to.equal(3);
    expect(column.hidden.map((p) => p.occurrence.key)).to.deep.equal(['k3', 'k4']);
    // A quarter-hour event still gets two rows, and never runs past the grid's end.
    const short = layOutDay([place(occurrence('2026-03-13T17:45:00Z', '2026-03-13T18:00:00Z'))], 8, 18);
    expect(short.boxes.map((b) => [b.row, b.span])).to.deep.equal([[40, 1]]);
    expect(hourRange([place(occurrence('2026-03-13T17:45:00Z', '2026-03-13T18:00:00Z'))])).to.deep.equal({ from: 8, to: 19 });
    const early = place(occurrence('2026-03-13T06:30:00Z', '2026-03-13T07:00:00Z'));
    expect(hourRange([early])).to.deep.equal({ from: 6, to: 18 });
  });
});
