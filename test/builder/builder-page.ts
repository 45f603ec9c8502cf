/**
 * A page object for `<civic-snippet-builder>`: a webmaster's moves (pick a widget, a feed, an
 * option, a format; copy) through the controls' roles and labels, and what they see.
 */
import '../../builder/define.js';
import type { CivicSnippetBuilder } from '../../builder/snippet-builder.js';
import { fixture, settled } from '../helpers.js';
import { findByRole, getByRole, queryAllByRole } from '../queries.js';

export class BuilderPage {
  private constructor(readonly el: CivicSnippetBuilder) {}

  /** A builder whose "bundled sample feed" is the demo's sample feed. */
  static async open(sampleSrc = '/test-api/sample-feed'): Promise<BuilderPage> {
    const el = fixture<CivicSnippetBuilder>(`<civic-snippet-builder sample-src="${sampleSrc}"></civic-snippet-builder>`);
    await settled(el);
    return new BuilderPage(el);
  }

  /** Fires what a browser fires when a person changes a control. */
  private static changed(control: HTMLElement): void {
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  async choose(name: string | RegExp): Promise<void> {
    const radio = getByRole(this.el, 'radio', { name }) as HTMLInputElement;
    radio.checked = true;
    BuilderPage.changed(radio);
    await settled(this.el);
  }

  /** Opens "More options", as a person would to reach the options under it. */
  async moreOptions(): Promise<void> {
    const details = this.el.shadowRoot!.querySelector('details');
    if (details && !details.open) {
      getByRole(this.el, 'button', { name: 'More options' }).click();
      await settled(this.el);
    }
  }

  async select(label: string | RegExp, optionName: string | RegExp): Promise<void> {
    await this.moreOptions();
    const select = (await findByRole(this.el, 'combobox', { name: label })) as HTMLSelectElement;
    const option = queryAllByRole(select, 'option', { name: optionName })[0] as HTMLOptionElement | undefined;
    if (!option) throw new Error(`no option ${String(optionName)} in ${String(label)}`);
    select.value = option.value;
    BuilderPage.changed(select);
    await settled(this.el);
  }

  async type(label: string | RegExp, text: string, role = 'textbox'): Promise<void> {
    await this.moreOptions();
    const input = (await findByRole(this.el, role, { name: label })) as HTMLInputElement;
    input.value = text;
    BuilderPage.changed(input);
    await settled(this.el);
  }

  async feedAddress(url: string): Promise<void> {
    await this.choose('A feed address');
    await this.type('Feed address', url);
  }

  /** The snippet field's text. */
  snippet(): string {
    return (getByRole(this.el, 'textbox', { name: /snippet$/ }) as HTMLTextAreaElement).value;
  }

  /** The live widget in the preview. */
  preview(): HTMLElement {
    const widget = getByRole(this.el, 'region', { name: 'Preview' }).querySelector<HTMLElement>('[class="preview-area"] > *');
    if (!widget) throw new Error('no widget in the preview');
    return widget;
  }

  /** The feed check's section. */
  check(): HTMLElement {
    return getByRole(this.el, 'region', { name: 'Feed check' });
  }
}
