import { expect } from 'chai';
import rsvp from '../../src/locales/en/rsvp.js';
import { directionOf, isolate, textDirection } from '../../src/shared/bidi.js';
import { addMessages, formatMessage, interfaceLanguage, loadCatalogue } from '../../src/shared/localize.js';

const FSI = '\u2068';
const PDI = '\u2069';

describe('right to left', () => {
  before(() => addMessages(rsvp));

  it('knows which way a language runs', () => {
    expect(textDirection('ar')).to.equal('rtl');
    expect(textDirection('ar-EG')).to.equal('rtl');
    expect(textDirection('he')).to.equal('rtl');
    expect(textDirection('es')).to.equal('ltr');
    expect(textDirection('not a tag')).to.equal('ltr');
  });

  it('tells a text’s direction by its first letter, as dir="auto" does', () => {
    expect(directionOf('Housing Data User Group')).to.equal('ltr');
    expect(directionOf('2026: مجموعة')).to.equal('rtl');
    expect(directionOf('12:30')).to.equal(undefined);
  });

  it('isolates every value in a right-to-left sentence, and only right-to-left values in a left-to-right one', () => {
    expect(isolate('Data Day', 'ar')).to.equal(`${FSI}Data Day${PDI}`);
    expect(isolate('Data Day', 'en')).to.equal('Data Day');
    expect(isolate('يوم البيانات', 'en')).to.equal(`${FSI}يوم البيانات${PDI}`);
  });

  it('keeps a feed’s words and the numbers in place inside an Arabic sentence', async () => {
    await loadCatalogue('ar');
    // Not ".Enter your name" nor "seats left of 120 33": each value runs on its own.
    const seats = formatMessage('ar', 'rsvpSeatsLeft', { count: 33, capacity: 120 });
    const n = (x: number) => `${FSI}${new Intl.NumberFormat('ar').format(x)}${PDI}`;
    expect(seats).to.include(n(33)).and.to.include(n(120));
    expect(formatMessage('ar', 'rsvpErrorAnswer', { label: 'Which track?' })).to.equal(`أجب عن «${FSI}Which track?${PDI}».`);
    // English sentences stay as they were.
    expect(formatMessage('en', 'rsvpSeatsLeft', { count: 33, capacity: 120 })).to.equal('33 seats left of 120');
  });

  it('names the language the interface’s words are in: English where a language has no catalogue', () => {
    expect(interfaceLanguage('ar-EG')).to.equal('ar-EG');
    expect(interfaceLanguage('en-GB')).to.equal('en-GB');
    expect(interfaceLanguage('de')).to.equal('en');
  });
});
