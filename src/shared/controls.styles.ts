import { unsafeCSS } from 'lit';

// Declarations, to place inside a rule; the build's CSS minifier reads only whole sheets, so these
// are constant strings (nothing from outside ever reaches them).

/**
 * The look of a text field or select in every widget: the page's font and colour, our surface,
 * border and radius. Each sheet sets its own sizes.
 */
export const fieldControl = unsafeCSS(
  'padding:.375rem .5rem;font:inherit;color:inherit;background:var(--_surface);border:1px solid var(--_border);border-radius:var(--_radius);',
);

/** The look of a secondary button in the finders ("Show more", "Clear filters", "Near me"): a target of 2.75rem. */
export const buttonControl = unsafeCSS(
  'min-height:2.75rem;padding:.375rem .875rem;color:inherit;background:var(--_surface);border:1px solid var(--_border);border-radius:var(--_radius);cursor:pointer;',
);
