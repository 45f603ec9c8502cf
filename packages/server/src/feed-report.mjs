// @ts-check
/**
 * What the command prints about a source: how it was read, what it gave, what it skipped and why.
 */

const LISTS = /** @type {const} */ (['events', 'groups', 'resources', 'places']);

/**
 * @param {import('./feed-sources.mjs').SourceResult} result
 * @param {(line: string) => void} log
 * @param {string} [previousFile] where a failing source's items were kept from
 */
export function printSourceReport(result, log, previousFile) {
  const counts = LISTS.filter((list) => result.feed[list].length).map((list) => `${result.feed[list].length} ${list}`);
  const time = `${(result.elapsedMs / 1000).toFixed(1)} s`;
  const format = result.format ? ` (${result.format})` : '';
  if (result.state === 'failed') {
    log(`✗ ${result.label}: could not be read: ${result.error}; nothing kept${previousFile ? ` (it has no items in ${previousFile})` : ''}. [${time}]`);
    return;
  }
  if (result.state === 'stale') {
    log(`! ${result.label}: could not be read: ${result.error}; kept ${counts.join(', ') || 'nothing'} from ${previousFile ?? 'the last good copy'}${result.lastSuccessAt ? ` (read ${result.lastSuccessAt})` : ''}. [${time}]`);
    return;
  }
  const how = result.state === 'unchanged' ? 'unchanged since the last read (304)' : 'read';
  const skipped = result.skipped.length ? `, skipped ${result.skipped.length}` : '';
  log(`✓ ${result.label}${format}: ${how}: ${counts.join(', ') || 'no items'}${skipped}. [${time}]`);
  for (const item of result.skipped) log(`    skipped ${describeSkipped(item)}`);
}

/** @param {import('../lib/feed.js').SkippedItem} item */
export function describeSkipped(item) {
  const which = item.index >= 0 ? ` #${item.index + 1}` : '';
  const id = item.id ? ` "${item.id}"` : '';
  return `${item.list}${which}${id}: ${item.reason}`;
}

/** @param {number} bytes */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
