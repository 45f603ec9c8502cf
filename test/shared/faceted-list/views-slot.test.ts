import { expect } from 'chai';
import { html, type TemplateResult } from 'lit';
import { ListViewSlot, type ListView } from '../../../src/shared/faceted-list/list-view-slot.js';

/** A view that notes what it was told. */
class NotingView implements ListView {
  readonly calls: [PropertyKey[], boolean][] = [];

  willUpdate(changed: ReadonlySet<PropertyKey>, first: boolean): void {
    this.calls.push([[...changed], first]);
  }

  render(): TemplateResult {
    return html``;
  }
}

const changes = (...keys: string[]) => new Map<PropertyKey, unknown>(keys.map((k) => [k, undefined]));

describe('ListViewSlot (a list view that arrives with the views, after some updates)', () => {
  it('tells a late view the first update, then what changed since, then each update as it comes', () => {
    const slot = new ListViewSlot<NotingView>();
    slot.willUpdate(changes('topics', 'query'), undefined);
    slot.willUpdate(changes('topics'), undefined);
    slot.willUpdate(changes('near'), undefined);
    slot.willUpdate(changes('locale'), () => new NotingView());
    slot.willUpdate(changes('query'), () => new NotingView());
    expect(slot.view!.calls).to.deep.equal([
      [['topics', 'query'], true],
      [['topics', 'near', 'locale'], false],
      [['query'], false],
    ]);
  });

  it('tells a view made in the first update only that update, as the first', () => {
    const slot = new ListViewSlot<NotingView>();
    slot.willUpdate(changes('topics'), () => new NotingView());
    slot.willUpdate(changes('query'), undefined);
    expect(slot.view!.calls).to.deep.equal([
      [['topics'], true],
      [['query'], false],
    ]);
  });
});
