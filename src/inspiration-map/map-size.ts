/**
 * The size of the SVG map's box, as drawn: measured after each render until it has one, then
 * followed by a ResizeObserver (which reports only when the page draws frames, so a background
 * tab relies on the measuring).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class MapSizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer?: ResizeObserver;
  private observed?: Element;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    private readonly selector: string,
    /** Called before the new size is taken, with it. */
    private readonly resized: (width: number, height: number) => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (!this.width) this.measure();
  }

  hostUpdated(): void {
    const box = this.host.renderRoot.querySelector(this.selector);
    if (box === this.observed) return;
    this.observer?.disconnect();
    this.observed = box ?? undefined;
    if (!box) return;
    this.observer ??= new ResizeObserver((entries) => {
      const rect = entries.at(-1)?.contentRect;
      if (rect) this.set(Math.round(rect.width), Math.round(rect.height));
    });
    this.observer.observe(box);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = undefined;
  }

  private measure(): void {
    const box = this.host.renderRoot.querySelector<HTMLElement>(this.selector);
    if (box) this.set(box.clientWidth, box.clientHeight);
  }

  private set(width: number, height: number): void {
    if (width === this.width && height === this.height) return;
    this.resized(width, height);
    this.width = width;
    this.height = height;
    this.host.requestUpdate();
  }
}
