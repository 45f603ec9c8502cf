import { expect } from 'chai';
import { candidates, eventIndex } from '../../src/feed/event-index.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { expandOccurrences, occurrencesIn, type Occurrence, type OccurrenceWindow } from '../../src/feed/occurrences.js';
import type { CivicEvent } from '../../src/feed/types.js';

function events(raw: Record<string, unknown>[], timezone?: string): CivicEvent[] {
  const { feed, skipped } = normalizeFeed({ version: '1', ...(timezone ? { timezone } : {}), events: raw });
  expect(skipped).to.deep.equal([]);
  return feed.events;
}

function window(from: string, to: string, timeZone: string, feedTimeZone?: string): OccurrenceWindow {
  return { from: new Date(from), to: new Date(to), timeZone, feedTimeZone };
}

const keys = (list: readonly Occurrence[]) => list.map((o) => o.key);

/** What a window must hold: the occurrences of a window covering every event, that overlap it. */
async function expected(list: CivicEvent[], w: OccurrenceWindow): Promise<string[]> {
  const all = await expandOccurrences(list, { ...w, from: new Date('2025-01-01T00:00:00Z'), to: new Date('2028-01-01T00:00:00Z') });
  const from = w.from.getTime();
  const to = w.to.getTime();
  return keys(all.filter((o) => o.startMs < to && (o.endMs > from || (o.endMs === o.startMs && o.startMs >= from))));
}

describe('event index', () => {
  const oneOffs = events([
    { id: 'before', title: 'Before', start: '2026-02-20T10:00:00Z', end: '2026-02-20T11:00:00Z' },
    { id: 'inside', title: 'Inside', start: '2026-03-10T10:00:00Z', end: '2026-03-10T11:00:00Z' },
    { id: 'after', title: 'After', start: '2026-04-20T10:00:00Z' },
    { id: 'crossing-in', title: 'Crossing in', start: '2026-02-27', end: '2026-03-03' },
    { id: 'crossing-out', title: 'Crossing out', start: '2026-03-30T20:00:00Z', end: '2026-04-02T09:00:00Z' },
    { id: 'season', title: 'Exhibition', start: '2026-01-05', end: '2026-06-30' },
    { id: 'winter', title: 'Winter', start: '2025-12-01', end: '2026-02-01' },
    { id: 'early-march', title: 'Early March', start: '2026-03-05T10:00:00Z', end: '2026-03-05T12:00:00Z' },
  ]);
  const march = window('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'UTC');

  it('gives a window only the one-off events near it, long ones and those crossing its edges included, in feed order', () => {
    const index = eventIndex(oneOffs);
    const near = candidates(index, march.from.getTime(), march.to.getTime()).map((e) => e.id);
    expect(near).to.deep.equal(['inside', 'crossing-in', 'crossing-out', 'season', 'early-march']);
  });

  it('is built once per events array', () => {
    expect(eventIndex(oneOffs)).to.equal(eventIndex(oneOffs));
    expect(eventIndex([...oneOffs])).not.to.equal(eventIndex(oneOffs));
  });

  it('leaves the occurrences of a window as they were: multi-day events crossing either edge are in', async () => {
    const found = await expandOccurrences(oneOffs, march);
    expect(keys(found)).to.deep.equal(await expected(oneOffs, march));
    expect(keys(found)).to.include.members(['crossing-in@2026-02-27', 'season@2026-01-05', 'crossing-out@2026-03-30T20:00:00Z']);
  });

  it('places times at the edges of the window in zones far from UTC, floating and written with offsets', async () => {
    const list = events(
      [
        { id: 'kiri-first', title: 'A', start: '2026-03-01T00:00:00' },
        { id: 'kiri-before', title: 'B', start: '2026-02-28T23:59:00' },
        { id: 'offset', title: 'C', start: '2026-03-01T00:30:00+14:00' },
        { id: 'west-last', title: 'D', start: '2026-03-31T23:30:00', timezone: 'Etc/GMT+12' },
        { id: 'west-after', title: 'E', start: '2026-04-01T00:00:00', timezone: 'Etc/GMT+12' },
        { id: 'all-day', title: 'F', start: '2026-03-31' },
      ],
      'Pacific/Kiritimati',
    );
    for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12', 'UTC']) {
      const from = zone === 'UTC' ? '2026-03-01T00:00:00Z' : zone === 'Etc/GMT+12' ? '2026-03-01T12:00:00Z' : '2026-02-28T10:00:00Z';
      const to = zone === 'UTC' ? '2026-04-01T00:00:00Z' : zone === 'Etc/GMT+12' ? '2026-04-01T12:00:00Z' : '2026-03-31T10:00:00Z';
      const w = window(from, to, zone, 'Pacific/Kiritimati');
      expect(keys(await expandOccurrences(list, w)), zone).to.deep.equal(await expected(list, w));
    }
    const kiritimati = await expandOccurrences(list, window('2026-02-28T10:00:00Z', '2026-03-31T10:00:00Z', 'Pacific/Kiritimati', 'Pacific/Kiritimati'));
    expect(keys(kiritimati)).to.include.members(['kiri-first@2026-02-28T10:00:00Z', 'offset@2026-02-28T10:30:00Z', 'all-day@2026-03-31']);
    expect(keys(kiritimati)).not.to.include('kiri-before@2026-02-28T09:59:00Z');
  });

  it('reaches events up to 14 hours from their wall time at the edges of a window that starts at any hour', async () => {
    const raw: Record<string, unknown>[] = [];
    for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
      for (const wall of ['2026-03-01T08:00:00', '2026-03-02T07:00:00', '2026-03-10T09:00:00', '2026-03-11T09:00:00', '2026-03-11T07:30:00']) {
        raw.push({ id: `${zone}-${wall}`, title: 'Edge', start: wall, timezone: zone });
      }
    }
    const list = events(raw);
    const w = window('2026-03-01T20:00:00Z', '2026-03-10T20:00:00Z', 'UTC');
    const found = keys(await expandOccurrences(list, w));
    expect(found).to.deep.equal(await expected(list, w));
    // 09:00 on the 11th in Kiritimati is 19:00 UTC on the 10th: inside, though its wall day is past the window's.
    expect(found).to.include('Pacific/Kiritimati-2026-03-11T09:00:00@2026-03-10T19:00:00Z');
    // 08:00 on the 1st at UTC−12 is 20:00 UTC: the window's first instant.
    expect(found).to.include('Etc/GMT+12-2026-03-01T08:00:00@2026-03-01T20:00:00Z');
  });

  describe('series', () => {
    const series = events(
      [
        {
          id: 'weekly', title: 'Office hours', start: '2026-01-06T18:30:00', end: '2026-01-06T20:00:00', rrule: 'FREQ=WEEKLY;BYDAY=TU',
          exdates: ['2026-03-17T18:30:00'], rdates: ['2026-03-19T10:00:00'],
        },
        { id: 'moved', title: 'Office hours (moved)', start: '2026-03-11T18:30:00', end: '2026-03-11T20:00:00', recurrenceId: '2026-03-10T18:30:00', seriesId: 'weekly' },
        { id: 'away', title: 'Office hours', start: '2026-02-03T18:30:00', end: '2026-02-03T20:00:00', recurrenceId: '2026-03-03T18:30:00', seriesId: 'weekly' },
        {
          id: 'later', title: 'Office hours (new room)', start: '2026-03-24T19:00:00', end: '2026-03-24T20:30:00', recurrenceId: '2026-03-24T18:30:00',
          seriesId: 'weekly', thisAndFuture: true,
        },
        { id: 'fair', title: 'Fair', start: '2026-03-28', end: '2026-03-30', rdates: ['2026-06-01', '2026-02-27/2026-03-02'] },
        { id: 'one', title: 'One-off', start: '2026-03-12T12:00:00' },
      ],
      'America/New_York',
    );

    it('are expanded for every window, with EXDATE, RDATE, overrides and THISANDFUTURE as before', async () => {
      // March 2026 in New York: DST starts on the 8th.
      const w = window('2026-03-01T05:00:00Z', '2026-04-01T04:00:00Z', 'America/New_York', 'America/New_York');
      const found = await expandOccurrences(series, w);
      expect(keys(found)).to.deep.equal(await expected(series, w));
      const titles = found.map((o) => `${o.start} ${o.event.title}`);
      expect(titles).to.include('2026-03-11T18:30:00-04:00 Office hours (moved)');
      expect(titles).to.include('2026-03-19T10:00:00-04:00 Office hours');
      expect(titles).to.include('2026-03-31T19:00:00-04:00 Office hours (new room)');
      expect(titles).to.include('2026-02-27 Fair');
      expect(titles.some((t) => t.startsWith('2026-03-17'))).to.equal(false);
      expect(titles.some((t) => t.startsWith('2026-03-03'))).to.equal(false);
      // An override moved out of the window, to February, is not in March.
      expect(titles).not.to.include('2026-02-03T18:30:00-05:00 Office hours');
    });

    it('agree with a window covering everything, for every week of the year and in another zone', async () => {
      for (let week = 0; week < 52; week += 3) {
        const from = new Date(Date.UTC(2026, 0, 1 + week * 7, 3));
        const w = { from, to: new Date(from.getTime() + 9 * 86_400_000), timeZone: week % 2 ? 'Europe/Berlin' : 'America/New_York', feedTimeZone: 'America/New_York' };
        expect(keys(await expandOccurrences(series, w)), from.toISOString()).to.deep.equal(await expected(series, w));
      }
    });
  });

  describe('kept windows', () => {
    it('answer the same window with the same occurrences, and work out another one anew', async () => {
      const first = await occurrencesIn(oneOffs, march);
      expect(await occurrencesIn(oneOffs, { ...march })).to.equal(first);
      const april = await occurrencesIn(oneOffs, window('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', 'UTC'));
      expect(april).not.to.equal(first);
      expect(keys(april)).to.deep.equal(keys(await expandOccurrences(oneOffs, window('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', 'UTC'))));
    });

    it('keep at most eight windows, the least recently asked dropped first', async () => {
      const list = [...oneOffs];
      const month = (m: number) => window(new Date(Date.UTC(2026, m, 1)).toISOString(), new Date(Date.UTC(2026, m + 1, 1)).toISOString(), 'UTC');
      const january = await occurrencesIn(list, month(0));
      for (let m = 1; m < 8; m++) await occurrencesIn(list, month(m));
      await occurrencesIn(list, month(0)); // asked again: now the most recent
      await occurrencesIn(list, month(8)); // drops February, the oldest
      expect(await occurrencesIn(list, month(0))).to.equal(january);
      const february = await occurrencesIn(list, month(1));
      expect(await occurrencesIn(list, month(1))).to.equal(february);
    });

    it('hold together no more occurrences than the feed has events (or 10,000)', async () => {
      const daily = events([{ id: 'daily', title: 'Daily', start: '2026-01-01T09:00:00Z', rrule: 'FREQ=HOURLY;INTERVAL=1' }]);
      const day = (d: number) => window(new Date(Date.UTC(2026, 0, 1 + d)).toISOString(), new Date(Date.UTC(2026, 0, 1 + d + 300)).toISOString(), 'UTC');
      const first = await occurrencesIn(daily, day(0));
      expect(first.length).to.be.greaterThan(5000);
      await occurrencesIn(daily, day(1));
      // Two windows of over 5,000 occurrences each pass 10,000: the older one was dropped.
      expect(await occurrencesIn(daily, day(0))).not.to.equal(first);
    });
  });
});
