/**
 * Reading jCal (RFC 7265), the arrays ical.js parses an iCalendar file into: the first property
 * of a name, its text, its parameters.
 */
type Params = Record<string, unknown>;
/** A jCal property (RFC 7265): name, parameters, value type, then one or more values. */
export type JProp = [string, Params, string, ...unknown[]];
/** A jCal component: name, properties, subcomponents. */
export type JComp = [string, JProp[], JComp[]];

/** The first property of a name, as jCal writes names: lower case. */
export function first(props: JProp[], name: string): JProp | undefined {
  for (const prop of props) if (prop[0] === name) return prop;
  return undefined;
}

/**
 * The first value of a property as text. ical.js unescapes TEXT values but leaves X- properties
 * (type "unknown") as written, so those are unescaped here.
 */
export function firstText(props: JProp[], name: string): string | undefined {
  const prop = first(props, name);
  const value = prop?.[3];
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : undefined;
  return prop![2] === 'unknown' ? unescapeText(value) : value;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function param(prop: JProp, name: string): string | undefined {
  const value = prop[1][name];
  const one: unknown = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : undefined;
}
