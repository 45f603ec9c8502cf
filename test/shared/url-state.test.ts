import { expect } from 'chai';
import { readUrlState, urlStatePrefix, writeUrlState } from '../../src/shared/url-state.js';

describe('url-state', () => {
  it('reads an element\'s url-state attribute: absent, empty, or a prefix', () => {
    expect(urlStatePrefix(undefined, 'groups')).to.equal(undefined);
    expect(urlStatePrefix(null, 'groups')).to.equal(undefined);
    expect(urlStatePrefix('', 'groups')).to.equal('groups');
    expect(urlStatePrefix('  ', 'groups')).to.equal('groups');
    expect(urlStatePrefix(' near ', 'groups')).to.equal('near');
  });

  const original = location.href;
  afterEach(() => history.replaceState(history.state, '', original));

  it('reads the keys under its prefix only, an empty value meaning "none"', () => {
    const state = readUrlState('rl', '?rl-topic=housing&rl-topic=transit&rl-q=&other-topic=x&rl=1');
    expect([...state]).to.deep.equal([
      ['topic', ['housing', 'transit']],
      ['q', []],
    ]);
  });

  it('writes with replaceState, keeping other parameters and the fragment, and adds no history entry', () => {
    history.replaceState(history.state, '', `${location.pathname}?keep=a%20b#here`);
    const length = history.length;
    writeUrlState('rl', new Map<string, string[] | undefined>([
      ['topic', ['public-safety', 'a,b']],
      ['q', ['vivienda asequible']],
      ['type', []],
    ]));
    expect(history.length).to.equal(length);
    expect(location.hash).to.equal('#here');
    const params = new URLSearchParams(location.search);
    expect(params.get('keep')).to.equal('a b');
    expect(params.getAll('rl-topic')).to.deep.equal(['public-safety', 'a,b']);
    expect(params.get('rl-q')).to.equal('vivienda asequible');
    expect(params.getAll('rl-type')).to.deep.equal(['']);
    expect([...readUrlState('rl')]).to.deep.include.members([['topic', ['public-safety', 'a,b']], ['type', []]]);
    writeUrlState('rl', new Map([['topic', undefined], ['q', undefined], ['type', undefined]]));
    expect(location.search).to.equal('?keep=a+b');
  });

  it('does not touch history when nothing changes', () => {
    history.replaceState(history.state, '', `${location.pathname}?keep=a%20b`);
    writeUrlState('rl', new Map([['topic', undefined]]));
    expect(location.search).to.equal('?keep=a%20b');
  });
});
