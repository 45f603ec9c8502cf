import { expect } from 'chai';
import type { Feed } from '../../src/feed/types.js';
import { distanceKm, distanceUnit, formatDistance, knownPlaces } from '../../src/group-finder/near-me.js';

describe('near-me', () => {
  it('measures great-circle distances', () => {
    const nyc = { lat: 40.7128, lon: -74.006 };
    const pittsburgh = { lat: 40.4406, lon: -79.9959 };
    expect(distanceKm(nyc, pittsburgh)).to.be.closeTo(505, 3);
    expect(distanceKm(nyc, nyc)).to.equal(0);
    expect(distanceKm({ lat: 0, lon: 179.9 }, { lat: 0, lon: -179.9 })).to.be.closeTo(22.2, 0.2);
  });

  it('picks miles for the US and the UK, kilometres elsewhere', () => {
    expect(distanceUnit('en-US')).to.equal('mile');
    expect(distanceUnit('en')).to.equal('mile');
    expect(distanceUnit('en-GB')).to.equal('mile');
    expect(distanceUnit('es')).to.equal('kilometer');
    expect(distanceUnit('es-US')).to.equal('mile');
    expect(distanceUnit('fr-CA')).to.equal('kilometer');
    expect(distanceUnit('not a locale')).to.equal('kilometer');
  });

  it('formats distances with Intl.NumberFormat units', () => {
    expect(formatDistance(1.609344, 'en-US', 'mile')).to.equal('1 mi');
    expect(formatDistance(3.9, 'es', 'kilometer')).to.match(/^3,9\skm$/);
    expect(formatDistance(123.4, 'en', 'kilometer')).to.equal('123 km');
  });

  it("lists the feed's places, then group and event locations, one entry per point", () => {
    const main = { name: 'Main Branch, Room 204', lat: 41.2616, lon: -73.9248 };
    const feed: Feed = {
      version: '1',
      places: [{ id: 'p', name: 'Pittsburgh', lat: 40.44, lon: -79.99 }],
      groups: [
        { id: 'a', name: 'A', location: main },
        { id: 'b', name: 'B', location: { name: 'Online' } },
      ],
      events: [
        { id: 'e', title: 'E', start: '2030-01-01', location: { ...main, name: 'Main Branch' } },
        { id: 'f', title: 'F', start: '2030-01-01', location: { name: 'pittsburgh', lat: 1, lon: 1 } },
      ],
      resources: [],
    };
    expect(knownPlaces(feed).map((p) => [p.key, p.name])).to.deep.equal([
      ['place:p', 'Pittsburgh'],
      ['location:Main Branch', 'Main Branch'],
    ]);
  });
});
