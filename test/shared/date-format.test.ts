import { expect } from 'chai';
import { dateTimeFormat } from '../../src/shared/date-format.js';

describe('dateTimeFormat', () => {
  it('makes one formatter per locale and options, and reuses it', () => {
    const a = dateTimeFormat('es', { month: 'long' });
    expect(dateTimeFormat('es', { month: 'long' })).to.equal(a);
    expect(dateTimeFormat('fr', { month: 'long' })).to.not.equal(a);
    expect(a.format(Date.UTC(2026, 2, 15))).to.equal('marzo');
  });

  it('falls back to English for a locale Intl refuses', () => {
    expect(dateTimeFormat('not a locale!', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 15))).to.equal('March');
  });
});
