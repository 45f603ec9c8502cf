import type { Resource } from '../feed/types.js';

const DAY = 86_400_000;

/** Whether `resource` was added within `days` days before `now` (the day itself counts; later dates too). */
export function isNew(resource: Resource, now: Date, days: number): boolean {
  if (!resource.added) return false;
  const added = Date.parse(`${resource.added.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(added)) return false;
  // Whole calendar days in the visitor's zone: a badge does not flip at an odd hour.
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return (today - added) / DAY <= days;
}

/** The date "newest first" sorts by: published, else added; NaN when neither is known. */
export function resourceDate(resource: Resource): number {
  const value = resource.published ?? resource.added;
  return value ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : NaN;
}
