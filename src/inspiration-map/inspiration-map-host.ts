import type { ReactiveControllerHost } from 'lit';
import type { RegionOption } from './projection.js';

/**
 * What the lazily loaded views read of `<civic-inspiration-map>`. The element hands itself over
 * as this, so the views never import the element that loads them.
 */
export interface InspirationMapHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly language: string;
  show: string[];
  region: RegionOption;
  tiles?: string;
  attribution?: string;
  topic: string;
  program: string;
  selected?: string;
}
