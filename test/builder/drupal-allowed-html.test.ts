import { expect } from 'chai';
import { optionsOf } from '../../builder/element-options.js';
import { load } from '../../src/index.js';
import { WIDGET_NAMES } from '../../builder/snippet-formats.js';

describe('docs/drupal.md', () => {
  it('allows on the data-civic div exactly the attributes the five elements declare', async () => {
    const markdown = await fetch('/docs/drupal.md').then((r) => r.text());
    const line = /^\s*(<div data-civic [^>]*>)\s*$/m.exec(markdown)?.[1];
    expect(line, 'the "Manually editable HTML tags" line').to.be.a('string');
    const allowed = line!.slice('<div '.length, -1).split(' ');
    const declared = new Set(['data-civic', 'data-src']);
    for (const name of WIDGET_NAMES) {
      await load(`civic-${name}`);
      for (const option of optionsOf(customElements.get(`civic-${name}`)!)) declared.add(`data-${option.attribute}`);
    }
    expect([...allowed].sort()).to.deep.equal([...declared].sort());
    expect(new Set(allowed).size, 'no attribute twice').to.equal(allowed.length);
  });
});
