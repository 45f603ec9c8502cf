import { expect } from 'chai';
import { displayZone, isUnknownZone, viewerZone } from '../../src/feed/display-zone.js';

describe('displayZone', () => {
  const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;

  it('is the visitor’s own zone when nothing else is known', () => {
    expect(viewerZone()).to.equal(viewer);
    expect(displayZone({})).to.equal(viewer);
  });

  it('takes the zone asked for first, then the event’s, then the feed’s', () => {
    const all = { asked: 'Asia/Tokyo', event: 'Europe/Paris', feed: 'America/Chicago' };
    expect(displayZone(all)).to.equal('Asia/Tokyo');
    expect(displayZone({ ...all, asked: undefined })).to.equal('Europe/Paris');
    expect(displayZone({ feed: 'America/Chicago' })).to.equal('America/Chicago');
  });

  it('reads `viewer` as the visitor’s zone, over the event’s and the feed’s', () => {
    expect(displayZone({ asked: ' viewer ', event: 'Europe/Paris', feed: 'America/Chicago' })).to.equal(viewer);
  });

  it('passes over zone names the runtime does not know', () => {
    expect(displayZone({ asked: 'Mars/Olympus', event: 'Europe/Paris' })).to.equal('Europe/Paris');
    expect(displayZone({ asked: 'Mars/Olympus', event: 'Nowhere', feed: 'America/Chicago' })).to.equal('America/Chicago');
    expect(displayZone({ feed: 'Mars/Olympus' })).to.equal(viewer);
  });

  it('says which asked names are unknown (for the element to warn about)', () => {
    expect(isUnknownZone('Mars/Olympus')).to.equal(true);
    expect(isUnknownZone(' Asia/Tokyo ')).to.equal(false);
    expect(isUnknownZone('viewer')).to.equal(false);
    expect(isUnknownZone(undefined)).to.equal(false);
    expect(isUnknownZone('  ')).to.equal(false);
  });
});
