import { expect } from 'chai';
import { isNew, resourceDate } from '../../src/resource-list/resource-labels.js';

const r = (added?: string, published?: string) => ({ id: 'x', title: 'X', url: 'https://x.example', added, published });

describe('resource labels', () => {
  it('counts a resource as new for the given number of whole days', () => {
    const now = new Date(2026, 2, 15, 23, 59);
    expect(isNew(r('2026-03-15'), now, 30)).to.be.true;
    expect(isNew(r('2026-02-13'), now, 30)).to.be.true;
    expect(isNew(r('2026-02-12'), now, 30)).to.be.false;
    expect(isNew(r('2026-04-01'), now, 30)).to.be.true;
    expect(isNew(r(), now, 30)).to.be.false;
    expect(isNew(r('2026-03-14'), now, 0)).to.be.false;
  });

  it('sorts by the published date, else the added one', () => {
    expect(resourceDate(r('2026-01-01', '2020-05-05'))).to.equal(Date.UTC(2020, 4, 5));
    expect(resourceDate(r('2026-01-01'))).to.equal(Date.UTC(2026, 0, 1));
    expect(resourceDate(r())).to.be.NaN;
  });

});
