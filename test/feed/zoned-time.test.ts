import { expect } from 'chai';
import fc from 'fast-check';
import {
  epochToWall, formatDate, formatFloating, formatInZone, formatOffset, parseFeedDate, wallToEpoch, zoneOffset,
} from '../../src/feed/zoned-time.js';

const HOUR = 3_600_000;
const wall = (iso: string) => Date.parse(`${iso}Z`);
const ZONES = [
  'America/New_York', 'America/St_Johns', 'Europe/Berlin', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu',
  'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Apia', 'America/Santiago', 'Africa/Casablanca', 'UTC',
];

/** The wall time Intl shows for an instant, as the same kind of number, for comparison. */
function intlWall(epoch: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(epoch);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

describe('zoned-time', () => {
  it('reads the three feed date forms', () => {
    expect(parseFeedDate('2026-03-07')).to.deep.equal({ kind: 'date', wall: wall('2026-03-07T00:00:00') });
    expect(parseFeedDate('2026-03-07T10:00:00')).to.deep.equal({ kind: 'floating', wall: wall('2026-03-07T10:00:00') });
    expect(parseFeedDate('2026-03-07T10:00:00Z')).to.deep.equal({ kind: 'zoned', wall: wall('2026-03-07T10:00:00'), offset: 0, utc: true });
    expect(parseFeedDate('2026-03-07T10:00:00-05:30')).to.deep.equal({
      kind: 'zoned', wall: wall('2026-03-07T10:00:00'), offset: -5.5 * HOUR, utc: false,
    });
    // Date.UTC would read year 99 as 1999.
    expect(new Date(parseFeedDate('0099-01-01')!.wall).getUTCFullYear()).to.equal(99);
    expect(formatDate(parseFeedDate('0099-01-01')!.wall)).to.equal('0099-01-01');
    // Canonical spellings are read without the pattern; the others with it, to the same numbers.
    expect(parseFeedDate('2026-03-07T10:00:00-05:30')).to.deep.equal(parseFeedDate('2026-03-07t10:00-0530'));
    expect(parseFeedDate('2026-03-07T10:00:00Z')).to.deep.equal(parseFeedDate('2026-03-07 10:00:00.000z'));
    expect(parseFeedDate('2026-03-07T10:00:00+05:45')).to.deep.include({ kind: 'zoned', offset: 5.75 * 3_600_000 });
    expect(parseFeedDate('2026-03-07T10:00:00 05:45')).to.equal(undefined);
    expect(parseFeedDate('2026-03-07X10:00:00')).to.equal(undefined);
    expect(parseFeedDate('next Tuesday')).to.equal(undefined);
  });

  it('formats wall times, dates and offsets', () => {
    expect(formatFloating(wall('2026-03-07T10:05:09'))).to.equal('2026-03-07T10:05:09');
    expect(formatDate(wall('2026-03-07T10:05:09'))).to.equal('2026-03-07');
    expect(formatOffset(0)).to.equal('Z');
    expect(formatOffset(-5 * HOUR)).to.equal('-05:00');
    expect(formatOffset(5.75 * HOUR)).to.equal('+05:45');
    expect(formatOffset(-(3.5 * HOUR))).to.equal('-03:30');
  });

  it('knows offsets, half and quarter hours included', () => {
    expect(zoneOffset(Date.parse('2026-01-15T12:00:00Z'), 'America/New_York')).to.equal(-5 * HOUR);
    expect(zoneOffset(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).to.equal(-4 * HOUR);
    expect(zoneOffset(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).to.equal(5.5 * HOUR);
    expect(zoneOffset(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kathmandu')).to.equal(5.75 * HOUR);
    expect(zoneOffset(Date.parse('2026-01-15T12:00:00Z'), 'Australia/Lord_Howe')).to.equal(11 * HOUR);
    expect(zoneOffset(Date.parse('2026-07-15T12:00:00Z'), 'Australia/Lord_Howe')).to.equal(10.5 * HOUR);
  });

  it('finds the minute a change happens', () => {
    const change = Date.parse('2026-03-08T07:00:00Z'); // 02:00 EST becomes 03:00 EDT
    expect(zoneOffset(change - 1, 'America/New_York')).to.equal(-5 * HOUR);
    expect(zoneOffset(change, 'America/New_York')).to.equal(-4 * HOUR);
    const back = Date.parse('2026-11-01T06:00:00Z'); // 02:00 EDT becomes 01:00 EST
    expect(zoneOffset(back - 1, 'America/New_York')).to.equal(-4 * HOUR);
    expect(zoneOffset(back, 'America/New_York')).to.equal(-5 * HOUR);
  });

  it('formats instants as RFC 3339 in a zone', () => {
    expect(formatInZone(Date.parse('2026-11-05T23:30:00Z'), 'America/New_York')).to.equal('2026-11-05T18:30:00-05:00');
    expect(formatInZone(Date.parse('2026-07-01T12:00:00Z'), 'America/St_Johns')).to.equal('2026-07-01T09:30:00-02:30');
    expect(formatInZone(Date.parse('2026-07-01T12:00:00Z'), 'UTC')).to.equal('2026-07-01T12:00:00Z');
    expect(formatInZone(Date.parse('2026-07-01T12:00:00Z'), 'Pacific/Kiritimati')).to.equal('2026-07-02T02:00:00+14:00');
  });

  it('turns wall times into instants, moving a skipped time forward and taking the earlier of a repeated one', () => {
    const ny = 'America/New_York';
    expect(wallToEpoch(wall('2026-07-04T12:00:00'), ny)).to.equal(Date.parse('2026-07-04T16:00:00Z'));
    // 02:30 does not exist on March 8th: it reads as 03:30 EDT.
    expect(wallToEpoch(wall('2026-03-08T02:30:00'), ny)).to.equal(Date.parse('2026-03-08T07:30:00Z'));
    // 01:30 happens twice on November 1st: the first one, in EDT.
    expect(wallToEpoch(wall('2026-11-01T01:30:00'), ny)).to.equal(Date.parse('2026-11-01T05:30:00Z'));
    // Samoa skipped December 30th, 2011 entirely.
    expect(wallToEpoch(wall('2011-12-30T12:00:00'), 'Pacific/Apia')).to.equal(Date.parse('2011-12-30T22:00:00Z'));
  });

  it('agrees with Intl on any instant in any zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('1950-01-01T00:00:00Z'), max: Date.parse('2060-01-01T00:00:00Z') }),
        fc.constantFrom(...ZONES),
        (epoch, zone) => {
          const seconds = epoch - (epoch % 1000);
          expect(epochToWall(seconds, zone)).to.equal(intlWall(seconds, zone));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips instants through wall times (to the earlier instant of a repeated hour)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('1970-01-01T00:00:00Z'), max: Date.parse('2060-01-01T00:00:00Z') }),
        fc.constantFrom(...ZONES),
        (epoch, zone) => {
          const local = epochToWall(epoch, zone);
          const back = wallToEpoch(local, zone);
          expect(back).to.be.at.most(epoch);
          expect(epochToWall(back, zone)).to.equal(local);
        },
      ),
      { numRuns: 500 },
    );
  });
});
