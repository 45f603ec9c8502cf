/**
 * The options a widget takes, read from the element itself: its Lit property declarations say
 * which HTML attributes it has and whether each is a switch, a number, a comma list or text. So a
 * new attribute shows up in the builder by itself. What a person needs besides (a label, a hint,
 * the values to choose from) is added here by attribute name, once for every output format.
 */
import type { PropertyDeclaration } from 'lit';
import { VIEWS } from '../src/event-calendar/calendar-state.js';
import { FEED_FORMATS } from '../src/feed/adapter.js';
import type { RegionOption } from '../src/inspiration-map/projection.js';
import type { ResourceSort } from '../src/resource-list/resource-list.js';

export type OptionKind = 'boolean' | 'number' | 'list' | 'text';

export interface Choice {
  value: string;
  label: string;
}

export interface WidgetOption {
  /** The HTML attribute. */
  attribute: string;
  kind: OptionKind;
  label: string;
  hint?: string;
  /** A closed set of values: a select. */
  choices?: readonly Choice[];
  /** The input's type for text: `url`, `date`. */
  inputType?: 'url' | 'date';
  min?: number;
  max?: number;
  /** Shown in the first group of the form; the rest sit under "More options". */
  primary: boolean;
}

/** How an attribute is shown: its label, and what else of an option it needs. */
type Presentation = Pick<WidgetOption, 'label'> & Partial<Pick<WidgetOption, 'hint' | 'choices' | 'inputType' | 'min' | 'max' | 'primary'>>;

const plain = (values: readonly string[], labels: Record<string, string> = {}): Choice[] =>
  values.map((value) => ({ value, label: labels[value] ?? value }));

// Type-checked to name every value of the element's type, without loading the element's code.
const REGION_VALUES: Record<Exclude<RegionOption, 'auto'>, string> = { us: 'United States', 'north-america': 'North America', world: 'World' };
const SORT_VALUES: Record<ResourceSort, string> = { relevance: 'Relevance', title: 'Title', newest: 'Newest' };

/** The languages the widgets speak (src/shared/localize.ts: English, and the catalogues it loads). */
export const WIDGET_LANGUAGES = ['en', 'es', 'fr', 'zh', 'ar'] as const;

function languageChoices(): Choice[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  return WIDGET_LANGUAGES.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
}

/** How each attribute is shown; one without an entry gets its name as its label. */
const PRESENTATION: Record<string, Presentation> = {
  view: { label: 'View', choices: plain(VIEWS, { month: 'Month', week: 'Week', list: 'List' }), primary: true },
  'event-id': { label: 'Event', hint: 'Without one, the form registers for the event picked in a calendar on the same page.', primary: true },
  topics: { label: 'Topics shown at first', hint: 'Comma-separated, as the feed writes them.', primary: true },
  timezone: { label: 'Time zone', hint: 'An IANA name such as America/Chicago, or viewer for each visitor\u2019s own. Default: the feed\u2019s.', primary: true },
  locale: { label: 'Language', primary: true },
  'heading-level': { label: 'Heading level', hint: 'Match the headings around the widget on your page.', min: 1, max: 6, primary: true },
  // `auto` is what an unset format means: the select's empty choice says it.
  format: { label: 'Feed format', choices: plain(FEED_FORMATS.filter((f) => f !== 'auto')) },
  mapping: { label: 'Field mapping address', inputType: 'url' },
  'no-cache': { label: 'Keep no copy of the feed in the visitor\u2019s browser' },
  date: { label: 'Start on day', inputType: 'date' },
  'url-state': { label: 'Keep the state in the page address, under this prefix' },
  windowed: { label: 'Ask the feed for one month at a time (windowed)' },
  'no-seo': { label: 'Leave out the schema.org data for search engines' },
  occurrence: { label: 'Preselected date of a recurring event', hint: 'Its start, e.g. 2026-05-06T18:00:00-05:00.' },
  endpoint: { label: 'Registration endpoint', hint: 'Overrides the event\u2019s own.', inputType: 'url' },
  'no-store': { label: 'Keep no registration on the visitor\u2019s device' },
  datasets: { label: 'Datasets shown at first', hint: 'Comma-separated names.' },
  modes: { label: 'Formats shown at first', hint: 'Comma-separated: in-person, online, mixed.' },
  languages: { label: 'Languages shown at first', hint: 'Comma-separated BCP 47 tags, e.g. es.' },
  query: { label: 'Search text to start with' },
  near: { label: 'Sort by distance from', hint: 'The id or name of one of the feed\u2019s places.' },
  'page-size': { label: 'Cards shown at first', min: 1 },
  meetings: { label: 'Meetings listed per group', min: 0 },
  'distance-unit': { label: 'Distance unit', choices: plain(['kilometer', 'mile'], { kilometer: 'Kilometres', mile: 'Miles' }) },
  types: { label: 'Types shown at first', hint: 'Comma-separated, e.g. guide,zine.' },
  audiences: { label: 'Audiences shown at first', hint: 'Comma-separated, e.g. beginners.' },
  sort: { label: 'Order', choices: plain(Object.keys(SORT_VALUES), SORT_VALUES) },
  'new-days': { label: 'Days a resource counts as new', min: 0 },
  show: { label: 'Lists on the map', hint: 'Comma-separated: places, events, groups.', primary: true },
  region: { label: 'Region', choices: plain(Object.keys(REGION_VALUES), REGION_VALUES), primary: true },
  tiles: { label: 'Tile address template', hint: 'https://tiles.example.org/{z}/{x}/{y}.png; switches to a tiled map.' },
  attribution: { label: 'Tile credit' },
  topic: { label: 'Topic shown at first', primary: true },
  program: { label: 'Program shown at first' },
  selected: { label: 'Place opened at first', hint: 'Its id, or event:ID / group:ID.' },
};

/** The attribute the builder fills itself, from the feed it checks. */
export const SOURCE_ATTRIBUTE = 'src';

type DeclaredClass = { elementProperties?: Map<PropertyKey, PropertyDeclaration> };

function kindOf(declaration: PropertyDeclaration): OptionKind {
  if (declaration.type === Boolean) return 'boolean';
  if (declaration.type === Number) return 'number';
  const converter = declaration.converter;
  if (converter && typeof converter === 'object' && converter.fromAttribute && Array.isArray(converter.fromAttribute('a,b', undefined))) return 'list';
  return 'text';
}

/** Lit's rule: the declared attribute name, else the property's name in lower case. */
function attributeOf(key: PropertyKey, declaration: PropertyDeclaration): string {
  return typeof declaration.attribute === 'string' ? declaration.attribute : String(key).toLowerCase();
}

/** `page-size` → "Page size". */
function words(attribute: string): string {
  const text = attribute.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The options of a defined element class, in the order the element declares them, its own
 * before those every element shares. `src` is left out: the builder's feed field sets it.
 */
export function optionsOf(elementClass: CustomElementConstructor): WidgetOption[] {
  const declared = (elementClass as unknown as DeclaredClass).elementProperties ?? new Map<PropertyKey, PropertyDeclaration>();
  const options: WidgetOption[] = [];
  for (const [key, declaration] of declared) {
    if (declaration.attribute === false || declaration.state) continue;
    const attribute = attributeOf(key, declaration);
    if (attribute === SOURCE_ATTRIBUTE) continue;
    const shown = PRESENTATION[attribute];
    const option: WidgetOption = { attribute, kind: kindOf(declaration), label: shown?.label ?? words(attribute), primary: !!shown?.primary };
    if (shown?.hint) option.hint = shown.hint;
    if (attribute === 'locale') option.choices = languageChoices();
    else if (shown?.choices) option.choices = shown.choices;
    if (shown?.inputType) option.inputType = shown.inputType;
    if (shown?.min !== undefined) option.min = shown.min;
    if (shown?.max !== undefined) option.max = shown.max;
    options.push(option);
  }
  // Lit lists inherited properties first; a webmaster looks for the element's own first.
  const inherited = (Object.getPrototypeOf(elementClass) as DeclaredClass).elementProperties ?? new Map();
  const shared = new Set([...inherited].map(([key, declaration]) => attributeOf(key, declaration)));
  const isShared = (o: WidgetOption) => shared.has(o.attribute);
  return [...options.filter((o) => !isShared(o)), ...options.filter(isShared)];
}
