import type * as Axe from 'axe-core';
// axe-core is a UMD script: importing it for its side effect puts `axe` on the window.
import 'axe-core';

declare global {
  interface Window {
    axe: typeof Axe;
  }
}

/** Puts HTML into a fresh container in the page and returns its first element. */
export function fixture<T extends Element = HTMLElement>(markup: string): T {
  const container = document.createElement('div');
  container.className = 'test-fixture';
  container.innerHTML = markup;
  document.body.append(container);
  cleanups.push(() => container.remove());
  return container.firstElementChild as T;
}

const cleanups: (() => void)[] = [];

/** Removes what `fixture` added; call it in `afterEach`. */
export function cleanup(): void {
  while (cleanups.length) cleanups.pop()!();
}

/** Waits until `check` returns a truthy value (or throws after `timeout` ms). */
export async function waitFor<T>(check: () => T | undefined | null | false, timeout = 5000, message = 'condition'): Promise<T> {
  const until = performance.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > until) {
      throw new Error(`timed out waiting for ${message}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * True in a Firefox tab that is not in front (a page the runner opens beside another): there
 * WebDriver input does not reach controls, so page objects dispatch events instead.
 */
export const backgroundFirefox = (): boolean => navigator.userAgent.includes('Firefox') && !document.hasFocus();

/** Resolves once a Lit element has no update pending, through microtasks only (no timers, no frames). */
export async function settle(el: Element): Promise<void> {
  const lit = el as Element & { updateComplete?: Promise<boolean> };
  for (let i = 0; i < 20; i++) {
    if (!lit.updateComplete || (await lit.updateComplete)) {
      await Promise.resolve();
      if (!lit.updateComplete || (await lit.updateComplete)) return;
    }
  }
}

/** Resolves once an element (and any Lit updates it triggers) has settled. */
export async function settled(el: Element): Promise<void> {
  const lit = el as Element & { updateComplete?: Promise<unknown> };
  for (let i = 0; i < 5; i++) {
    if (lit.updateComplete) await lit.updateComplete;
    // Not requestAnimationFrame: pages the runner opens side by side may not get frames.
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** Runs axe-core's WCAG 2.x A/AA rules on `el` and fails with a readable list of violations. */
export async function expectAccessible(el: Element): Promise<void> {
  const results = await window.axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { region: { enabled: false } },
  });
  if (results.violations.length) {
    const lines = results.violations.map(
      (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
    );
    throw new Error(`axe found ${results.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}

/** A data: URL is off limits for feeds, so tests serve JSON through a Blob URL. */
export function jsonUrl(value: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));
}
