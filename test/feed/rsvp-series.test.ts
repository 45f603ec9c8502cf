import { expect } from 'chai';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { expandOccurrences, placeOccurrences } from '../../src/feed/occurrences.js';
import { MAX_SERIES_SESSIONS, seriesSessions, seriesSpan, takesSeriesRegistration } from '../../src/feed/rsvp-series.js';
import type { CivicEvent } from '../../src/feed/types.js';
import { schemaErrors } from './schema-check.js';

const WORKSHOPS = {
  id: 'workshops', title: 'Workshops', start: '2030-01-02T18:00:00', end: '2030-01-02T19:30:00',
  rrule: 'FREQ=WEEKLY;COUNT=4', rsvp: { mode: 'series' },
};

/** Events as a feed sends them, through the normalizer like any load. */
function events(...raw: Record<string, unknown>[]): CivicEvent[] {
  return normalizeFeed({ version: '1', timezone: 'America/Chicago', events: raw }).feed.events;
}

/** The sessions of the first event, with the rest as its overrides. */
async function sessionsOf(list: CivicEvent[]) {
  const [series, ...overrides] = list;
  const asked = seriesSpan(series!, overrides, { timezone: 'America/Chicago' }, 'America/Chicago')!;
  return seriesSessions(await expandOccurrences(asked.events, asked.span));
}

describe('series registration (rsvp-series.ts)', () => {
  it('keeps rsvp.mode through the normalizer, fitting the schema, and drops a mode it does not know', async () => {
    const { feed } = normalizeFeed({ version: '1', events: [WORKSHOPS, { ...WORKSHOPS, id: 'typo', rsvp: { mode: 'weekly' } }] });
    expect(feed.events[0]!.rsvp).to.deep.equal({ mode: 'series' });
    expect(feed.events[1]!.rsvp).to.deep.equal({});
    expect(await schemaErrors(feed)).to.deep.equal([]);
    expect(await schemaErrors({ ...feed, events: [{ ...feed.events[0]!, rsvp: { mode: 'weekly' as 'series' } }] })).to.have.length.greaterThan(0);
  });

  it('is taken by a series that says so, not by its overrides, a one-off event, or a series that does not', () => {
    const [series, override, oneOff, byDate] = events(
      WORKSHOPS,
      { id: 'w3', seriesId: 'workshops', recurrenceId: '2030-01-16T18:00:00', title: 'Workshops', start: '2030-01-16T18:00:00', rsvp: { mode: 'series' } },
      { id: 'talk', title: 'Talk', start: '2030-02-01T18:00:00', rsvp: { mode: 'series' } },
      { ...WORKSHOPS, id: 'group', rsvp: {} },
    );
    expect([series, override, oneOff, byDate].map((e) => takesSeriesRegistration(e!))).to.deep.equal([true, false, false, false]);
    expect(takesSeriesRegistration(events({ id: 'rdates', title: 'R', start: '2030-01-02', rdates: ['2030-01-09'], rsvp: { mode: 'series' } })[0]!)).to.equal(true);
  });

  it('gives the sessions by start, without the cancelled ones, an override at its own time', async () => {
    const { sessions, bounded } = await sessionsOf(events(
      WORKSHOPS,
      { id: 'moved', seriesId: 'workshops', recurrenceId: '2030-01-09T18:00:00', title: 'Workshops', start: '2030-01-10T17:00:00', end: '2030-01-10T18:30:00' },
      { id: 'off', seriesId: 'workshops', recurrenceId: '2030-01-16T18:00:00', title: 'Workshops', start: '2030-01-16T18:00:00', status: 'cancelled' },
    ));
    expect(bounded).to.equal(true);
    expect(sessions.map((o) => new Date(o.startMs).toISOString())).to.deep.equal([
      '2030-01-03T00:00:00.000Z', '2030-01-10T23:00:00.000Z', '2030-01-24T00:00:00.000Z',
    ]);
  });

  it('is unbounded for a rule that never ends or has more sessions than one registration may hold', async () => {
    expect((await sessionsOf(events({ ...WORKSHOPS, rrule: 'FREQ=WEEKLY' }))).bounded).to.equal(false);
    expect((await sessionsOf(events({ ...WORKSHOPS, rrule: `FREQ=DAILY;COUNT=${MAX_SERIES_SESSIONS + 1}` }))).bounded).to.equal(false);
    const most = await sessionsOf(events({ ...WORKSHOPS, rrule: `FREQ=DAILY;COUNT=${MAX_SERIES_SESSIONS}` }));
    expect([most.bounded, most.sessions.length]).to.deep.equal([true, MAX_SERIES_SESSIONS]);
  });

  it('places occurrences at once when given the series code, as expandOccurrences does', async () => {
    const list = events(WORKSHOPS);
    const asked = seriesSpan(list[0]!, [], { timezone: 'America/Chicago' }, 'America/Chicago')!;
    const loaded = await expandOccurrences(asked.events, asked.span);
    const { placeSeries, loadIcal } = await import('../../src/feed/recurrence-set.js');
    const now = placeOccurrences(asked.events, asked.span, { placeSeries, ical: await loadIcal() });
    expect(now.map((o) => o.key)).to.deep.equal(loaded.map((o) => o.key));
    expect(() => placeOccurrences(asked.events, asked.span)).to.throw(/no series modules/);
  });
});
