import { expect } from 'chai';
import { formatMessage, loadCatalogue } from '../../src/shared/localize.js';

describe('localize', () => {
  it('picks plural branches by the locale and formats the number', () => {
    expect(formatMessage('en', 'upcomingEvents', { count: 0 })).to.equal('No upcoming events');
    expect(formatMessage('en', 'upcomingEvents', { count: 1 })).to.equal('1 upcoming event');
    expect(formatMessage('en', 'upcomingEvents', { count: 1200 })).to.equal('1,200 upcoming events');
  });

  it('loads another language on demand and falls back to English for unknown ones', async () => {
    await loadCatalogue('es-MX');
    expect(formatMessage('es-MX', 'groupsCount', { count: 2 })).to.equal('2 grupos');
    expect(formatMessage('de', 'groupsCount', { count: 2 })).to.equal('2 groups');
  });

  it('inserts named values', () => {
    expect(formatMessage('en', 'rsvpFor', { title: 'Data Day' })).to.equal('Register for Data Day');
  });
});
