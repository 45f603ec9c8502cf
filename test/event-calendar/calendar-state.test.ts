import { expect } from 'chai';
import { activeFacetCount, emptyFilters, hasFilters, isView, parseDay } from '../../src/event-calendar/calendar-state.js';
import { withFacetValue } from '../../src/event-calendar/filters.js';

describe('calendar state (what attributes and the URL can ask for)', () => {
  it('knows the three views and nothing else', () => {
    for (const view of ['month', 'week', 'list']) expect(isView(view), view).to.equal(true);
    for (const other of ['Month', 'day', '', undefined, 3]) expect(isView(other), String(other)).to.equal(false);
  });

  it('reads YYYY-MM-DD days, trimmed, and only real ones', () => {
    expect(parseDay(' 1970-01-02 ')).to.equal(1);
    expect(parseDay('2026-03-15')).to.equal(Date.UTC(2026, 2, 15) / 86_400_000);
    for (const bad of ['2026-3-15', '2026-02-30', '15/03/2026', '2026-03-15T10:00', null, undefined]) {
      expect(parseDay(bad), String(bad)).to.equal(undefined);
    }
  });

  it('starts with no filters, each time a fresh set', () => {
    const a = emptyFilters();
    expect(hasFilters(a)).to.equal(false);
    a.topics.push('housing');
    expect(emptyFilters().topics, 'a new object every time').to.deep.equal([]);
    expect(hasFilters(a)).to.equal(true);
    expect(activeFacetCount({ ...emptyFilters(), topics: ['housing', 'transit'], mode: ['online'] })).to.equal(3);
  });

  it('counts a search only when it has more than spaces', () => {
    expect(hasFilters({ ...emptyFilters(), query: '   ' })).to.equal(false);
    expect(hasFilters({ ...emptyFilters(), query: ' census ' })).to.equal(true);
    expect(activeFacetCount({ ...emptyFilters(), query: 'census' }), 'a search is no facet').to.equal(0);
  });

  it('ticks and unticks a facet value into new filters, leaving the old ones as they were', () => {
    const searched = { ...emptyFilters(), query: 'census', topics: ['housing'] };
    const ticked = withFacetValue(searched, 'topics', 'transit', true);
    expect(ticked.query).to.equal('census');
    expect(ticked.topics).to.deep.equal(['housing', 'transit']);
    expect(withFacetValue(ticked, 'topics', 'transit', true).topics, 'ticked once only').to.deep.equal(['housing', 'transit']);
    expect(withFacetValue(ticked, 'topics', 'housing', false).topics).to.deep.equal(['transit']);
    expect(searched.topics, 'the old list stays as it was').to.deep.equal(['housing']);
  });
});
