/** Whether to name the zone the calendar shows times in, and what to offer instead. */
import { zoneOffset } from '../feed/zoned-time.js';
import type { ToolbarOptions } from './calendar-controls.js';
import { viewerZone } from '../feed/display-zone.js';
import { zoneName } from './formatters.js';
import { dayStartIn, type Period } from './period.js';

/** Whether the visitor's clock reads differently from `zone` at the start or end of the period. */
export function zoneDiffers(zone: string, period: Pick<Period, 'start' | 'end'>): boolean {
  const viewer = viewerZone();
  if (viewer === zone) return false;
  return [period.start, period.end].some((day) => {
    const epoch = dayStartIn(day, zone);
    return zoneOffset(epoch, viewer) !== zoneOffset(epoch, zone);
  });
}

/**
 * The zone note: the zone shown, and the other one a button switches to (the visitor's own, or
 * back to the calendar's). Nothing when the visitor's clock reads the same.
 */
export function zoneNote(locale: string, base: string, shown: string, switched: boolean, period: Period): ToolbarOptions['zone'] {
  if (switched) return { shown: zoneName(locale, shown), other: zoneName(locale, base), otherIsViewer: false };
  if (!zoneDiffers(base, period)) return undefined;
  return { shown: zoneName(locale, base), other: zoneName(locale, viewerZone()), otherIsViewer: true };
}
