import type { ReactiveElement } from 'lit';

/**
 * What the lazily loaded views read of `<civic-rsvp-form>`. The element hands itself over as
 * this, so the views never import the element that loads them.
 */
export interface RsvpFormHost extends ReactiveElement {
  readonly language: string;
  readonly endpoint?: string;
  readonly noStore: boolean;
  readonly headingLevel: number;
  /** How long a person takes at least to fill the form; a faster submission is a bot's. */
  readonly minimumFillMs: number;
}
