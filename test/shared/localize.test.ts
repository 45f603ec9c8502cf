import { expect } from 'chai';
import groups from '../../src/locales/en/groups.js';
import rsvp from '../../src/locales/en/rsvp.js';
import { addMessages, formatMessage, loadCatalogue } from '../../src/shared/localize.js';

describe('localize', () => {
  before(() => {
    addMessages(groups);
    addMessages(rsvp);
  });

  it('picks plural branches by the locale and formats the number', () => {
    expect(formatMessage('en', 'groupsCount', { count: 0 })).to.equal('No groups');
    expect(formatMessage('en', 'groupsCount', { count: 1 })).to.equal('1 group');
    expect(formatMessage('en', 'groupsCount', { count: 1200 })).to.equal('1,200 groups');
  });

  it('loads another language on demand and falls back to English for unknown ones', async () => {
    await loadCatalogue('es-MX');
    expect(formatMessage('es-MX', 'groupsCount', { count: 2 })).to.equal('2 grupos');
    expect(formatMessage('de', 'groupsCount', { count: 2 })).to.equal('2 groups');
  });

  it('inserts named values', () => {
    expect(formatMessage('en', 'rsvpFor', { title: 'Data Day' })).to.equal('Register for Data Day');
  });

  it('has the common messages without any part, and says which part is missing in development', () => {
    expect(formatMessage('en', 'loading')).to.equal('Loading…');
    // This page loaded no element that adds the map's part.
    expect(() => formatMessage('en', 'mapZoomIn')).to.throw(/no English message "mapZoomIn"/);
  });
});
