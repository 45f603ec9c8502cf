/**
 * The form's line to the page's outbox, open from the moment it connects, before any data or the
 * form's views are here: it loads the delivery code, listens for answers, and sends what earlier
 * pages left pending (once per page).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RsvpAnswer, RsvpBody } from './rsvp-client.js';
import type { OutboxEvent } from './outbox.js';

// Sending loads after the form shows: the first paint does not need it.
let deliveryModule: Promise<typeof import('./delivery.js')> | undefined;

/** The page's delivery code (its outbox), loaded once. */
export const delivery = () => (deliveryModule ??= import('./delivery.js'));

export type RsvpOutboxEvent = OutboxEvent<RsvpAnswer, RsvpBody>;

export class OutboxLink implements ReactiveController {
  private unsubscribe?: () => void;

  /** `listener` hears every answer and change of the page's outbox while the host is connected. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly listener: (e: RsvpOutboxEvent) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void delivery().then(({ rsvpOutbox, flushPendingOnce }) => {
      if (!this.host.isConnected || this.unsubscribe) return;
      this.unsubscribe = rsvpOutbox().subscribe(this.listener, this.host);
      // What earlier pages left pending goes out now, once per page.
      flushPendingOnce();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
