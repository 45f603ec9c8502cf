import { expect } from 'chai';
import { blockSnippet, camelCase, divSnippet, elementSnippet, serializeBlockAttributes, shortcodeSnippet, snippet, SHORTCODES, WIDGET_NAMES } from '../../builder/snippet-formats.js';

describe('snippet formats', () => {
  const attributes = [
    ['src', 'https://library.example/feed.json?a=1&b=2'],
    ['view', 'list'],
    ['no-cache', true],
  ] as const;

  it('writes the element with HTML-escaped values and bare boolean attributes', () => {
    expect(elementSnippet('event-calendar', attributes)).to.equal(
      '<civic-event-calendar src="https://library.example/feed.json?a=1&amp;b=2" view="list" no-cache></civic-event-calendar>',
    );
    expect(elementSnippet('resource-list', [['query', '"quoted" <b>']])).to.equal('<civic-resource-list query="&quot;quoted&quot; &lt;b&gt;"></civic-resource-list>');
  });

  it('writes the data-civic div that src/index.ts upgrades: each attribute as data-<attribute>', () => {
    expect(divSnippet('rsvp-form', [['event-id', 'data-day-2026'], ['src', '/civic-feed.json']])).to.equal(
      '<div data-civic="rsvp-form" data-event-id="data-day-2026" data-src="/civic-feed.json"></div>',
    );
  });

  it('writes a shortcode per element, with attribute names as in HTML', () => {
    expect(WIDGET_NAMES.map((name) => SHORTCODES[name])).to.deep.equal(['civic_calendar', 'civic_rsvp', 'civic_groups', 'civic_resources', 'civic_map']);
    expect(shortcodeSnippet('rsvp-form', [['event-id', 'data-day-2026'], ['src', 'https://x.example/f.json']])).to.deep.equal({
      ok: true,
      text: '[civic_rsvp event-id="data-day-2026" src="https://x.example/f.json"]',
    });
    expect(shortcodeSnippet('event-calendar', attributes)).to.deep.equal({
      ok: true,
      text: '[civic_calendar src="https://library.example/feed.json?a=1&b=2" view="list" no-cache="true"]',
    });
    expect(shortcodeSnippet('group-finder', [])).to.deep.equal({ ok: true, text: '[civic_groups]' });
  });

  it('refuses a shortcode whose value holds a quote or a square bracket, naming the attribute', () => {
    for (const value of ['say "hi"', 'a]b', 'a[b']) {
      const result = shortcodeSnippet('resource-list', [['src', '/f.json'], ['query', value]]);
      expect(result.ok).to.equal(false);
      expect(!result.ok && result.reason).to.match(/^A shortcode cannot carry query:/);
    }
  });

  it('writes a block comment with camelCase attributes, escaped as WordPress escapes them', () => {
    expect(camelCase('event-id')).to.equal('eventId');
    expect(camelCase('no-cache')).to.equal('noCache');
    expect(blockSnippet('event-calendar', attributes)).to.deep.equal({
      ok: true,
      text: '<!-- wp:civic-widgets/event-calendar {"src":"https://library.example/feed.json?a=1\\u0026b=2","view":"list","noCache":true} /-->',
    });
    expect(blockSnippet('rsvp-form', [['heading-level', 3]])).to.deep.equal({ ok: true, text: '<!-- wp:civic-widgets/rsvp-form {"headingLevel":3} /-->' });
    expect(blockSnippet('group-finder', [])).to.deep.equal({ ok: true, text: '<!-- wp:civic-widgets/group-finder /-->' });
  });

  it('refuses a block value ending in a backslash, which WordPress\'s escaping would break', () => {
    const result = blockSnippet('resource-list', [['query', 'C:\\']]);
    expect(result.ok).to.equal(false);
    // As WordPress would write it, the JSON no longer reads back.
    expect(() => JSON.parse(serializeBlockAttributes({ query: 'C:\\' }))).to.throw();
  });

  it('escapes what would end the comment or break a tool, and the JSON still reads back', () => {
    const value = { query: 'a -- b <x> & "q" \\ done' };
    const written = serializeBlockAttributes(value);
    expect(written).to.equal('{"query":"a \\u002d\\u002d b \\u003cx\\u003e \\u0026 \\u0022q\\u0022 \\\\ done"}');
    expect(written).not.to.match(/--|<|>|&/);
    expect(JSON.parse(written)).to.deep.equal(value);
  });

  it('gives every format from one call', () => {
    expect(snippet('element', 'inspiration-map', [['region', 'us']])).to.deep.equal({ ok: true, text: '<civic-inspiration-map region="us"></civic-inspiration-map>' });
    expect(snippet('block', 'inspiration-map', [['region', 'us']])).to.deep.equal({ ok: true, text: '<!-- wp:civic-widgets/inspiration-map {"region":"us"} /-->' });
  });
});
