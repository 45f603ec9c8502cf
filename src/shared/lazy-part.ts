/**
 * A piece of an element that its first paint does not need (its views, a dialog, the week view):
 * its module is imported the first time it is asked for, its styles join the shadow root's
 * adopted sheets then, and the element renders again. Until then `module` is undefined and the
 * element renders without it.
 */
import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult, type ReactiveElement } from 'lit';
import { devWarn } from './dev.js';
import { addMessages, type MessagePart } from './localize.js';

/** What a lazily loaded module gives the element: its code, the styles and the English strings it needs. */
export interface PartModule {
  readonly partStyles: readonly CSSResult[];
  /** English strings the part speaks, beyond the common ones; other languages load whole. */
  readonly messages?: readonly MessagePart[];
}

export class LazyPart<M extends PartModule> {
  /** The loaded module, once its styles are in place. */
  module?: M;
  /** Why the last attempt failed (offline, a deploy in between); cleared when it is asked for again. */
  error?: unknown;
  private loading?: Promise<M | undefined>;
  private idleAsked = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly name: string,
    private readonly importer: () => Promise<M>,
  ) {}

  /** Starts loading (once); resolves with the module, or undefined when it could not be fetched. */
  load(): Promise<M | undefined> {
    this.loading ??= this.importer().then(
      (module) => {
        for (const part of module.messages ?? []) addMessages(part);
        this.adopt(module.partStyles);
        this.module = module;
        this.error = undefined;
        this.host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        // A failed chunk may be asked for again.
        this.loading = undefined;
        this.error = error;
        devWarn(`part-${this.host.localName}-${this.name}`, `<${this.host.localName}> could not load its ${this.name}: ${String(error)}`);
        this.host.requestUpdate();
        return undefined;
      },
    );
    return this.loading;
  }

  /** Loads it when the browser is idle (once): for a part a visitor is likely to want soon. */
  loadWhenIdle(): void {
    if (this.idleAsked) return;
    this.idleAsked = true;
    const load = () => void this.load();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 200);
  }

  /** Appends the part's sheets after the element's own, as if they had been in `static styles`. */
  private adopt(styles: readonly CSSResult[]): void {
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    if (supportsAdoptingStyleSheets) {
      const sheets = styles.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => !!s);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    } else {
      // Lit's own fallback for browsers without adoptable sheets, as for the element's styles.
      adoptStyles(root, [...styles]);
    }
  }
}
