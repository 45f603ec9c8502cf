/**
 * Every shipped language says everything the interface says: a key missing from a catalogue, an
 * empty string, a placeholder lost or misspelt, or a plural without its `other` branch fails here
 * (the type checker catches a missing key too; this also catches the rest, at run time).
 */
import { expect } from 'chai';
import calendar from '../../src/locales/en/calendar.js';
import calendarSharing from '../../src/locales/en/calendar-sharing.js';
import common from '../../src/locales/en/common.js';
import crossOrigin from '../../src/locales/en/cross-origin.js';
import groups from '../../src/locales/en/groups.js';
import lists from '../../src/locales/en/lists.js';
import map from '../../src/locales/en/map.js';
import resources from '../../src/locales/en/resources.js';
import rsvp from '../../src/locales/en/rsvp.js';
import rsvpOutcome from '../../src/locales/en/rsvp-outcome.js';
import vocabulary from '../../src/locales/en/vocabulary.js';
import ar from '../../src/locales/ar.js';
import es from '../../src/locales/es.js';
import fr from '../../src/locales/fr.js';
import zh from '../../src/locales/zh.js';
import type { Catalogue } from '../../src/locales/messages.js';
import { addMessages, formatMessage, loadCatalogue } from '../../src/shared/localize.js';

const english: Record<string, string> = {
  ...common, ...rsvp, ...rsvpOutcome, ...calendar, ...lists, ...groups, ...resources, ...map, ...vocabulary, ...crossOrigin, ...calendarSharing,
};
const shipped: Record<string, Catalogue> = { ar, es, fr, zh };

/** The top-level `{…}` groups of a pattern, without their braces. */
function groupsOf(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '{' && depth++ === 0) start = i + 1;
    else if (pattern[i] === '}' && --depth === 0) out.push(pattern.slice(start, i));
  }
  return out;
}

/** The values a message inserts (`{title}`, the number of each `{count, plural, …}`, and those inside its branches). */
function placeholders(pattern: string, names = new Set<string>()): string[] {
  for (const group of groupsOf(pattern)) {
    const [name = '', kind] = group.split(',');
    names.add(name.trim());
    if (kind?.trim() === 'plural') for (const branch of groupsOf(group)) placeholders(branch, names);
  }
  return [...names].sort();
}

describe('the catalogues', () => {
  it('are found by the English parts: every part is listed here', () => {
    expect(Object.keys(english).length).to.be.greaterThan(250);
  });

  for (const [lang, catalogue] of Object.entries(shipped)) {
    describe(lang, () => {
      it('has every English key, and no other', () => {
        const missing = Object.keys(english).filter((key) => !(key in catalogue));
        const extra = Object.keys(catalogue).filter((key) => !(key in english));
        expect(missing, `missing from ${lang}`).to.deep.equal([]);
        expect(extra, `in ${lang} but not in English`).to.deep.equal([]);
      });

      it('says something for each key, with the same placeholders as English', () => {
        const problems: string[] = [];
        for (const [key, pattern] of Object.entries(english)) {
          const text = (catalogue as Record<string, string>)[key] ?? '';
          if (!text.trim()) problems.push(`${key}: empty`);
          const want = placeholders(pattern).join(',');
          const got = placeholders(text).join(',');
          if (want !== got) problems.push(`${key}: {${got}} instead of {${want}}`);
          if (/plural/.test(text) && !/\bother\s*\{/.test(text)) problems.push(`${key}: a plural without "other"`);
        }
        expect(problems).to.deep.equal([]);
      });
    });
  }

  it('names a map cluster with the number it shows, at every count (WCAG 2.5.3)', async () => {
    addMessages(map);
    for (const locale of ['en', ...Object.keys(shipped)]) {
      await loadCatalogue(locale);
      for (const count of [1, 2, 3, 11, 100]) {
        const name = formatMessage(locale, 'mapCluster', { count, names: 'A' }).replace(/[\u2066-\u2069]/g, '');
        expect(name, `${locale} ${count}`).to.include(new Intl.NumberFormat(locale).format(count));
      }
    }
  });

  it('uses the six Arabic plural forms Intl.PluralRules names', async () => {
    addMessages(groups);
    await loadCatalogue('ar');
    const strip = (s: string) => s.replace(/[\u2066-\u2069]/g, '');
    const texts = [0, 1, 2, 3, 11, 100].map((count) => strip(formatMessage('ar', 'groupsCount', { count })));
    expect(texts).to.deep.equal(['لا توجد مجموعات', 'مجموعة واحدة', 'مجموعتان', '3 مجموعات', '11 مجموعة', '100 مجموعة'].map((t) =>
      t.replace(/\d+/, (n) => new Intl.NumberFormat('ar').format(Number(n)))));
  });
});
