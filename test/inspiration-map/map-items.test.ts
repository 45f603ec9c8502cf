import { expect } from 'chai';
import type { Feed } from '../../src/feed/types.js';
import { clusterCount, clusterName, formatYear, markerName, whereOf } from '../../src/inspiration-map/labels.js';
import { facetsOf, kindsOf, mapItems, matches } from '../../src/inspiration-map/map-items.js';
import map from '../../src/locales/en/map.js';
import { addMessages, formatMessage, loadCatalogue } from '../../src/shared/localize.js';

addMessages(map);

const FEED: Feed = {
  version: '1',
  places: [
    { id: 'p1', name: 'Data Days Cleveland', lat: 41.4993, lon: -81.6944, city: 'Cleveland', region: 'OH', country: 'US', program: 'Data Day', topics: ['community-engagement'], started: 2014 },
    { id: 'p2', name: "Open Data Ottawa's Open Data Book Club", lat: 45.4215, lon: -75.6972, city: 'Ottawa', region: 'ON', country: 'CA' },
  ],
  events: [
    { id: 'e1', title: 'Data Walk', start: '2030-05-04T14:00:00', location: { name: 'Eastside Branch', lat: 41.2652, lon: -73.9071 }, topics: ['housing'] },
    { id: 'e2', title: 'Online only', start: '2030-05-05T14:00:00' },
    { id: 'e3', title: 'Workshop', start: '2030-05-06', rrule: 'FREQ=WEEKLY;COUNT=3', location: { lat: 41.2616, lon: -73.9248 } },
    { id: 'e3@2030-05-13', seriesId: 'e3', recurrenceId: '2030-05-13', title: 'Workshop (moved)', start: '2030-05-14', location: { lat: 41.2616, lon: -73.9248 } },
  ],
  groups: [
    { id: 'g1', name: 'Budget Watchers', location: { name: 'Downtown Annex', lat: 41.3, lon: -73.95 }, cadence: 'Monthly' },
    { id: 'g2', name: 'Online group' },
  ],
  resources: [],
};

describe('map items', () => {
  it('maps places by default, and events and groups with coordinates when asked', () => {
    expect(kindsOf([])).to.deep.equal(['place']);
    expect(kindsOf(['events', ' Groups ', 'nonsense'])).to.deep.equal(['event', 'group']);
    expect(mapItems(FEED, ['place']).map((i) => i.key)).to.deep.equal(['place:p1', 'place:p2']);
    const all = mapItems(FEED, kindsOf(['places', 'events', 'groups']));
    // One marker per series; nothing without coordinates.
    expect(all.map((i) => i.key)).to.deep.equal(['place:p1', 'place:p2', 'event:e1', 'event:e3', 'group:g1']);
    expect(all.find((i) => i.key === 'event:e1')).to.include({ name: 'Data Walk', city: 'Eastside Branch', start: '2030-05-04T14:00:00' });
    expect(all.find((i) => i.key === 'group:g1')).to.include({ cadence: 'Monthly', city: 'Downtown Annex' });
  });

  it('names an untitled event with the text it is given (the map\'s "Untitled event")', () => {
    const feed: Feed = { ...FEED, events: [{ id: 'u', title: '', start: '2030-05-04', location: { lat: 41.2, lon: -73.9 } }] };
    expect(mapItems(feed, ['event'], 'Untitled event').map((i) => i.name)).to.deep.equal(['Untitled event']);
  });

  it('filters by topic and program, and lists the values to filter by', () => {
    const items = mapItems(FEED, ['place', 'event']);
    expect(facetsOf(items)).to.deep.equal({ topics: ['community-engagement', 'housing'], programs: ['Data Day'] });
    expect(items.filter((i) => matches(i, { topic: 'housing', program: '' })).map((i) => i.id)).to.deep.equal(['e1']);
    expect(items.filter((i) => matches(i, { topic: '', program: 'Data Day' })).map((i) => i.id)).to.deep.equal(['p1']);
  });
});

describe('map labels', () => {
  const t = (locale: string) => (key: Parameters<typeof formatMessage>[1], values?: Parameters<typeof formatMessage>[2]) =>
    formatMessage(locale, key, values);

  it('names markers after their place, with the city when the name lacks it', () => {
    const [cleveland, ottawa] = mapItems(FEED, ['place']);
    expect(markerName(cleveland!)).to.equal('Data Days Cleveland');
    expect(markerName(ottawa!)).to.equal("Open Data Ottawa's Open Data Book Club");
    expect(whereOf(ottawa!, 'en')).to.equal('Ottawa, ON, Canada');
    expect(whereOf(ottawa!, 'es')).to.equal('Ottawa, ON, Canadá');
  });

  it('names clusters with a count and the first few names, by Intl', async () => {
    await loadCatalogue('es');
    const items = mapItems(FEED, ['place', 'event', 'group']);
    expect(clusterName(items.slice(0, 2), t('en'), 'en')).to.equal("2 places: Data Days Cleveland and Open Data Ottawa's Open Data Book Club");
    expect(clusterName(items, t('en'), 'en')).to.equal("5 places: Data Days Cleveland, Open Data Ottawa's Open Data Book Club, Data Walk, and 2 more");
    expect(clusterName(items, t('es'), 'es')).to.equal("5 lugares: Data Days Cleveland, Open Data Ottawa's Open Data Book Club, Data Walk y 2 más");
  });

  it('formats counts and years in the locale', () => {
    expect(clusterCount(12, 'en')).to.equal('12');
    expect(clusterCount(1234, 'en')).to.equal('1.2K');
    expect(clusterCount(1234, 'es').replace(/\s/g, ' ')).to.equal('1,2 mil');
    expect(formatYear(2014, 'en')).to.equal('2014');
    expect(formatYear(2014, 'ar-EG')).to.equal('٢٠١٤');
  });
});
