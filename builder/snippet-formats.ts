/**
 * One widget's settings written out four ways a webmaster can paste them: the element, a
 * `data-civic` div (for editors that strip unknown tags), a WordPress shortcode and a WordPress
 * block. Every format is written from the same list of HTML attributes, so they cannot disagree.
 */

/** The five elements a page can show (`civic-<name>`), with their WordPress shortcodes. */
export const SHORTCODES = {
  'event-calendar': 'civic_calendar',
  'rsvp-form': 'civic_rsvp',
  'group-finder': 'civic_groups',
  'resource-list': 'civic_resources',
  'inspiration-map': 'civic_map',
} as const;

export type WidgetName = keyof typeof SHORTCODES;
export const WIDGET_NAMES = Object.keys(SHORTCODES) as WidgetName[];

/** An HTML attribute as a webmaster would type it: a text, a number, or present (`true`). */
export type AttributeValue = string | number | true;
/** The widget's attributes in the order they are written; unset ones are left out. */
export type Attributes = readonly (readonly [name: string, value: AttributeValue])[];

export type SnippetFormat = 'element' | 'div' | 'shortcode' | 'block';
export const SNIPPET_FORMATS: readonly SnippetFormat[] = ['element', 'div', 'shortcode', 'block'];

/** A snippet, or why this format cannot carry these settings. */
export type Snippet = { ok: true; text: string } | { ok: false; reason: string };

/** Escapes text for a double-quoted HTML attribute value. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function htmlAttributes(attributes: Attributes, prefix: string): string {
  return attributes
    .map(([name, value]) => (value === true ? ` ${prefix}${name}` : ` ${prefix}${name}="${escapeAttribute(String(value))}"`))
    .join('');
}

/** `<civic-event-calendar src="…"></civic-event-calendar>` */
export function elementSnippet(widget: WidgetName, attributes: Attributes): string {
  return `<civic-${widget}${htmlAttributes(attributes, '')}></civic-${widget}>`;
}

/** `<div data-civic="event-calendar" data-src="…"></div>`: each attribute as `data-<attribute>` (src/index.ts). */
export function divSnippet(widget: WidgetName, attributes: Attributes): string {
  return `<div data-civic="${widget}"${htmlAttributes(attributes, 'data-')}></div>`;
}

/**
 * Characters WordPress's shortcode parser cannot take inside an attribute value: a `"` ends the
 * value and a `[` or `]` the shortcode, and there is no escape for them.
 */
const NOT_IN_SHORTCODE = /["[\]]/;

/**
 * `[civic_calendar src="…" view="list"]`: attribute names as in HTML. A present boolean attribute
 * is written `="true"`, since a shortcode has no bare attributes by name.
 */
export function shortcodeSnippet(widget: WidgetName, attributes: Attributes): Snippet {
  const refused = attributes.find(([, value]) => typeof value === 'string' && NOT_IN_SHORTCODE.test(value));
  if (refused) {
    return {
      ok: false,
      reason: `A shortcode cannot carry ${refused[0]}: its value has a " , [ or ], which ends a shortcode. Use the block, or change the value.`,
    };
  }
  const text = attributes.map(([name, value]) => ` ${name}="${value === true ? 'true' : String(value)}"`).join('');
  return { ok: true, text: `[${SHORTCODES[widget]}${text}]` };
}

/** `event-id` → `eventId`: a block attribute is the HTML attribute in camelCase. */
export function camelCase(attribute: string): string {
  return attribute.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Block attributes as WordPress writes them into a block comment (Gutenberg's serializeAttributes):
 * JSON, with `--` (which would end the comment), `<`, `>`, `&` and escaped quotes as \u escapes.
 */
export function serializeBlockAttributes(attributes: Record<string, unknown>): string {
  return JSON.stringify(attributes)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
}

/**
 * `<!-- wp:civic-widgets/event-calendar {"src":"…","view":"list"} /-->`: a dynamic block, no saved
 * markup. WordPress's escaping breaks the JSON of a value ending in a backslash (its `\"` rule
 * takes the escaped backslash for an escaped quote); such a value is refused, not written broken.
 */
export function blockSnippet(widget: WidgetName, attributes: Attributes): Snippet {
  const refused = attributes.find(([, value]) => typeof value === 'string' && value.endsWith('\\'));
  if (refused) return { ok: false, reason: `A block cannot carry ${refused[0]}: its value ends with a backslash. Change the value.` };
  const json = Object.fromEntries(attributes.map(([name, value]) => [camelCase(name), value]));
  const written = attributes.length ? `${serializeBlockAttributes(json)} ` : '';
  return { ok: true, text: `<!-- wp:civic-widgets/${widget} ${written}/-->` };
}

/** The snippet in one format. */
export function snippet(format: SnippetFormat, widget: WidgetName, attributes: Attributes): Snippet {
  switch (format) {
    case 'element':
      return { ok: true, text: elementSnippet(widget, attributes) };
    case 'div':
      return { ok: true, text: divSnippet(widget, attributes) };
    case 'shortcode':
      return shortcodeSnippet(widget, attributes);
    case 'block':
      return blockSnippet(widget, attributes);
  }
}
