import { expect } from 'chai';
import { html, type TemplateResult } from 'lit';
import { ViewsSlot, type ListViews } from '../../../src/shared/faceted-list/views-slot.js';

/** A view that notes what it was told. */
class NotingViews implements ListViews {
  readonly calls: [PropertyKey[], boolean][] = [];

  willUpdate(changed: ReadonlySet<PropertyKey>, first: boolean): void {
    this.calls.push([[...changed], first]);
  }

  render(): TemplateResult {
    return html``;
  }
}

const changes = (...keys: string[]) => new Map<PropertyKey, unknown>(keys.map((k) => [k, undefined]));

describe('ViewsSlot (a list view that arrives with the views, after some updates)', () => {
  it('tells a late view the first update, then what changed since, then each update as it comes', () => {
    const slot = new ViewsSlot<NotingViews>();
    slot.willUpdate(changes('topics', 'query'), undefined);
    slot.willUpdate(changes('topics'), undefined);
    slot.willUpdate(changes('near'), undefined);
    slot.willUpdate(changes('locale'), () => new NotingViews());
    slot.willUpdate(changes('query'), () => new NotingViews());
    expect(slot.views!.calls).to.deep.equal([
      [['topics', 'query'], true],
      [['topics', 'near', 'locale'], false],
      [['query'], false],
    ]);
  });

  it('tells a view made in the first update only that update, as the first', () => {
    const slot = new ViewsSlot<NotingViews>();
    slot.willUpdate(changes('topics'), () => new NotingViews());
    slot.willUpdate(changes('query'), undefined);
    expect(slot.views!.calls).to.deep.equal([
      [['topics'], true],
      [['query'], false],
    ]);
  });
});
