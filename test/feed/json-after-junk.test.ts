import { expect } from 'chai';
import { describeJunk, jsonAfterJunk } from '../../src/feed/json-after-junk.js';

describe('JSON after junk', () => {
  it('finds the JSON after a PHP notice, and says what was skipped', () => {
    const notice = '<br />\n<b>Notice</b>:  Undefined index: x in <b>/var/www/wp-content/plugins/a.php</b> on line <b>12</b><br />\n';
    const found = jsonAfterJunk(`${notice}{"events":[{"id":1}],"total":1}`);
    expect(found?.value).to.deep.equal({ events: [{ id: 1 }], total: 1 });
    expect(found?.junk).to.equal(notice);
    expect(describeJunk(found!.junk)).to.match(/^\d+ characters before the JSON were skipped \("Notice: Undefined index: x in \/var\/www\/wp-content\/plugins\/a\.php on line 12"\)$/);
  });

  it('skips brackets that start no JSON, and gives up on text that holds none', () => {
    expect(jsonAfterJunk('Warning [deprecated] {x} then [1,2]')?.value).to.deep.equal([1, 2]);
    expect(jsonAfterJunk('<html><body>Not found</body></html>')).to.equal(undefined);
    expect(jsonAfterJunk('{"already":"json"}'), 'nothing before it: not junk').to.equal(undefined);
  });
});
