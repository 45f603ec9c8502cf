/**
 * The field mapping for `format="mapping"`: a `<script type="application/json">` child of the
 * element (parsed here, never run), else the `mapping` attribute's URL, fetched by the loader.
 */
export function mappingOption(host: Element, mappingUrl: string | undefined): unknown {
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (script?.textContent?.trim()) {
    try {
      return JSON.parse(script.textContent);
    } catch {
      return { invalid: 'the inline mapping is not valid JSON' };
    }
  }
  return mappingUrl ? { url: new URL(mappingUrl, document.baseURI).href } : undefined;
}
