/**
 * An element's state in the page's query string, under one prefix per element
 * (`resources-topic=housing`, `calendar-view=week`), so that a visitor can bookmark or share it. Written with `history.replaceState`:
 * filtering adds no history entries and never reloads the page.
 */

/**
 * The prefix an element's `url-state` attribute asks for: none without the attribute, `fallback`
 * when it is present but empty (`<civic-resource-list url-state>`).
 */
export function urlStatePrefix(attribute: string | null | undefined, fallback: string): string | undefined {
  return attribute === undefined || attribute === null ? undefined : attribute.trim() || fallback;
}

/** The values stored under `prefix` for each key present in `search` (an empty value means "none"). */
export function readUrlState(prefix: string, search: string = location.search): Map<string, string[]> {
  const params = new URLSearchParams(search);
  const out = new Map<string, string[]>();
  const start = `${prefix}-`;
  for (const [name, value] of params) {
    if (!name.startsWith(start)) continue;
    const key = name.slice(start.length);
    const values = out.get(key) ?? [];
    if (value) values.push(value);
    out.set(key, values);
  }
  return out;
}

/**
 * Sets `entries` under `prefix` in `params`: an array sets the key (an empty one as `key=`, meaning
 * "none"), `undefined` removes it.
 */
export function setUrlState(params: URLSearchParams, prefix: string, entries: ReadonlyMap<string, readonly string[] | undefined>): void {
  for (const [key, values] of entries) {
    const name = `${prefix}-${key}`;
    params.delete(name);
    if (!values) continue;
    if (values.length === 0) params.append(name, '');
    for (const value of values) params.append(name, value);
  }
}

/** Writes `entries` under `prefix` into the page's URL; other parameters and the fragment stay as they are. */
export function writeUrlState(prefix: string, entries: ReadonlyMap<string, readonly string[] | undefined>): void {
  const url = new URL(location.href);
  setUrlState(url.searchParams, prefix, entries);
  const search = url.searchParams.toString();
  if (search === new URLSearchParams(location.search).toString()) return;
  url.search = search;
  history.replaceState(history.state, '', url);
}
