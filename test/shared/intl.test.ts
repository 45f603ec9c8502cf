import { expect } from 'chai';
import { dateTimeFormat, numberFormat, pluralRules } from '../../src/shared/intl.js';

describe('Intl objects, made once', () => {
  it('makes one formatter per locale and options, and reuses it', () => {
    const a = dateTimeFormat('es', { month: 'long' });
    expect(dateTimeFormat('es', { month: 'long' })).to.equal(a);
    expect(dateTimeFormat('fr', { month: 'long' })).to.not.equal(a);
    expect(a.format(Date.UTC(2026, 2, 15))).to.equal('marzo');
  });

  it('falls back to English for a locale Intl refuses', () => {
    expect(dateTimeFormat('not a locale!', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 15))).to.equal('March');
  });

  it('keeps number formats and plural rules too, with the same fallback', () => {
    expect(numberFormat('de')).to.equal(numberFormat('de'));
    expect(numberFormat('de').format(1234.5)).to.equal('1.234,5');
    expect(numberFormat('de', { style: 'percent' })).to.not.equal(numberFormat('de'));
    expect(pluralRules('fr')).to.equal(pluralRules('fr'));
    expect(pluralRules('fr').select(1.5)).to.equal('one');
    expect(pluralRules('not a locale!').select(1)).to.equal('one');
  });
});
