import { expect } from 'chai';
import { chooseRegion, extentOf, fitExtent, fittedProjection, projectionFor } from '../../src/inspiration-map/projection.js';

const US_CITIES = [
  { lat: 40.4406, lon: -79.9959 }, // Pittsburgh
  { lat: 35.9132, lon: -79.0558 }, // Chapel Hill
  { lat: 45.4215, lon: -75.6972 }, // Ottawa: just across the border still reads as "the US"
];
const SEATTLE = { lat: 47.61, lon: -122.33 };
const ANCHORAGE = { lat: 61.22, lon: -149.9 };
const MEXICO_CITY = { lat: 19.43, lon: -99.13 };
const LONDON = { lat: 51.51, lon: -0.13 };
const NAIROBI = { lat: -1.29, lon: 36.82 };

describe('chooseRegion', () => {
  it('takes the region the attribute names', () => {
    expect(chooseRegion('world', extentOf(US_CITIES))).to.equal('world');
    expect(chooseRegion('us', extentOf([LONDON]))).to.equal('us');
    expect(chooseRegion('north-america', undefined)).to.equal('north-america');
  });

  it('picks the smallest region that holds every place for auto (or anything unknown)', () => {
    expect(chooseRegion('auto', extentOf(US_CITIES))).to.equal('us');
    expect(chooseRegion('auto', extentOf([...US_CITIES, SEATTLE]))).to.equal('us');
    expect(chooseRegion('auto', extentOf([...US_CITIES, ANCHORAGE]))).to.equal('north-america');
    expect(chooseRegion('auto', extentOf([...US_CITIES, MEXICO_CITY]))).to.equal('north-america');
    expect(chooseRegion('auto', extentOf([...US_CITIES, LONDON]))).to.equal('world');
    expect(chooseRegion('auto', extentOf([LONDON, NAIROBI]))).to.equal('world');
    expect(chooseRegion('mars', extentOf(US_CITIES))).to.equal('us');
  });

  it('shows the world when there are no places', () => {
    expect(chooseRegion('auto', extentOf([]))).to.equal('world');
  });
});

describe('extentOf', () => {
  it('is the bounding box of the valid points', () => {
    expect(extentOf([...US_CITIES, { lat: Number.NaN, lon: 0 }])).to.deep.equal({
      west: -79.9959,
      south: 35.9132,
      east: -75.6972,
      north: 45.4215,
    });
    expect(extentOf([])).to.equal(undefined);
  });
});

describe('projections', () => {
  it('uses a conic projection for the US and North America, Equal Earth for the world', () => {
    // Conic projections have standard parallels; Equal Earth has none.
    const us = projectionFor('us') as ReturnType<typeof projectionFor> & { parallels?: () => [number, number] };
    const na = projectionFor('north-america') as typeof us;
    const world = projectionFor('world') as typeof us;
    expect(us.parallels?.().map((p) => Math.round(p * 10) / 10)).to.deep.equal([29.5, 45.5]);
    expect(na.parallels?.().map((p) => Math.round(p * 10) / 10)).to.deep.equal([20, 60]);
    expect(world.parallels).to.equal(undefined);
  });

  it('fits the places, grown to a minimum size, inside the map less its insets', () => {
    const target = fitExtent('us', false, extentOf(US_CITIES));
    expect(target).to.not.equal('sphere');
    const projection = fittedProjection('us', target, 600, 400, { top: 20, end: 20, bottom: 20, start: 60 });
    for (const city of US_CITIES) {
      const [x, y] = projection([city.lon, city.lat])!;
      expect(x).to.be.within(60, 580);
      expect(y).to.be.within(20, 380);
    }
  });

  it('does not blow one place up to fill the map', () => {
    const box = fitExtent('us', false, extentOf([US_CITIES[0]!]));
    expect(box).to.not.equal('sphere');
    if (box === 'sphere') return;
    expect(box.east - box.west).to.be.at.least(8);
    expect(box.north - box.south).to.be.at.least(5);
  });

  it('shows the whole region named, and the places beyond it too', () => {
    const box = fitExtent('us', true, extentOf([US_CITIES[0]!]));
    if (box === 'sphere') throw new Error('expected a box');
    expect(box.west).to.be.at.most(-124);
    expect(box.east).to.be.at.least(-67);
    expect(fitExtent('world', true, extentOf(US_CITIES))).to.equal('sphere');
    expect(fitExtent('world', false, extentOf([LONDON, { lat: 10, lon: 170 }, { lat: 10, lon: -170 }]))).to.equal('sphere');
  });
});
