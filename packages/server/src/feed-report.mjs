// @ts-check
/**
 * What the command prints about a source: how it was read, what it gave, what it skipped and why.
 */

import { describeSkipped } from '../lib/feed.js';

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
  const left = result.skipped.filter((item) => !item.kept);
  const repaired = result.skipped.filter((item) => item.kept);
  const notes = [left.length ? `skipped ${left.length}` : '', repaired.length ? `repaired ${repaired.length}` : ''].filter(Boolean);
  log(`✓ ${result.label}${format}: ${how}: ${counts.join(', ') || 'no items'}${notes.length ? `, ${notes.join(', ')}` : ''}. [${time}]`);
  for (const item of left) log(`    skipped ${describeSkipped(item)}`);
  for (const item of repaired) log(`    repaired (shown) ${describeSkipped(item)}`);
}

/** @param {number} bytes */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
