import { expect } from 'chai';
import { canonicalFeedDate, isTimeZone } from '../../src/feed/feed-date.js';

describe('feed dates', () => {
  it('reads the three forms of the contract', () => {
    expect(canonicalFeedDate('2026-03-07')).to.deep.equal({ value: '2026-03-07', kind: 'date' });
    expect(canonicalFeedDate('2026-03-07T10:00:00')).to.deep.equal({ value: '2026-03-07T10:00:00', kind: 'floating' });
    expect(canonicalFeedDate('2026-03-07T10:00:00-05:00')).to.deep.equal({
      value: '2026-03-07T10:00:00-05:00',
      kind: 'zoned',
    });
    expect(canonicalFeedDate('2026-03-07T15:00:00z')?.value).to.equal('2026-03-07T15:00:00Z');
  });

  it('refuses impossible or foreign dates', () => {
    for (const bad of ['2026-13-01', '2026-02-29', '2026-03-07T24:00', '07/03/2026', 'tomorrow', '', 20260307, null]) {
      expect(canonicalFeedDate(bad), String(bad)).to.equal(undefined);
    }
    expect(canonicalFeedDate('2028-02-29')?.value).to.equal('2028-02-29');
  });

  it('checks canonical spellings as strictly as any other', () => {
    // These are spelled like canonical dates, which are read without the pattern: same answers.
    for (const bad of ['2026-00-10', '2026-04-31', '2026-03-07T24:00:00', '2026-03-07T10:60:00', '2026-03-07T10:00:00+24:00', '2026-03-07T10:00:00+05:60', '2026-03-07T1a:00:00']) {
      expect(canonicalFeedDate(bad), bad).to.equal(undefined);
    }
    expect(canonicalFeedDate('2026-03-07T10:00:00+00:00')?.value).to.equal('2026-03-07T10:00:00Z');
    expect(canonicalFeedDate('2026-03-07T10:00:60Z')?.value).to.equal('2026-03-07T10:00:59Z');
    expect(canonicalFeedDate('0099-01-01T00:00:00+14:00')).to.deep.equal({ value: '0099-01-01T00:00:00+14:00', kind: 'zoned' });
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('America/New_York')).to.equal(true);
    expect(isTimeZone('Mars/Olympus')).to.equal(false);
    expect(isTimeZone(5)).to.equal(false);
  });
});
