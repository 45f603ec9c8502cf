/**
 * Time zones of an iCalendar file: its TZIDs as IANA names where they are one (or map to one),
 * else its own VTIMEZONE definitions, compiled by ical.js, to turn local times into UTC.
 */
import ICAL from 'ical.js';
import { isTimeZone } from '../feed-date.js';
import { formatFloating, parseFeedDate } from '../zoned-time.js';
import { firstText, type JComp } from './ics-jcal.js';

/**
 * What the calendar's TZIDs mean. An IANA name is used as is; Mozilla-style prefixes
 * (`/mozilla.org/…/America/New_York`), X-LIC-LOCATION and common Windows names map to IANA;
 * anything else is converted to UTC with the file's own VTIMEZONE definition.
 */
export class Zones {
  private readonly definitions = new Map<string, JComp>();
  private readonly compiled = new Map<string, InstanceType<typeof ICAL.Timezone> | null>();
  private readonly names = new Map<string, string | undefined>();

  constructor(zones: JComp[]) {
    for (const zone of zones) {
      const tzid = firstText(zone[1], 'tzid')?.trim();
      if (tzid && !this.definitions.has(tzid)) this.definitions.set(tzid, zone);
    }
  }

  iana(tzid: string): string | undefined {
    if (!this.names.has(tzid)) this.names.set(tzid, this.lookUp(tzid));
    return this.names.get(tzid);
  }

  private lookUp(tzid: string): string | undefined {
    const bare = tzid.replace(/^"|"$/g, '');
    if (isIana(bare)) return bare;
    const location = this.definitions.get(tzid)?.[1].find((p) => p[0] === 'x-lic-location')?.[3];
    if (typeof location === 'string' && isIana(location.trim())) return location.trim();
    // "/mozilla.org/20050126_1/America/New_York", "/citadel.org/20190914_1/America/Argentina/Salta"
    const segments = bare.split('/').filter(Boolean);
    for (const n of [3, 2]) {
      const tail = segments.slice(-n).join('/');
      if (segments.length >= n && isIana(tail)) return tail;
    }
    return windowsZone(bare);
  }

  /** `YYYY-MM-DDTHH:MM:SSZ` for a local time in a zone only the file defines. */
  toUtc(tzid: string, value: string): string | undefined {
    const zone = this.definition(tzid);
    const parsed = parseFeedDate(value);
    if (!zone || !parsed) return undefined;
    try {
      const date = new Date(parsed.wall);
      const time = ICAL.Time.fromData(
        {
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
          hour: date.getUTCHours(),
          minute: date.getUTCMinutes(),
          second: date.getUTCSeconds(),
          isDate: false,
        },
        zone,
      );
      return `${formatFloating(time.toUnixTime() * 1000)}Z`;
    } catch {
      return undefined;
    }
  }

  private definition(tzid: string): InstanceType<typeof ICAL.Timezone> | undefined {
    if (!this.compiled.has(tzid)) {
      const comp = this.definitions.get(tzid);
      let zone: InstanceType<typeof ICAL.Timezone> | null = null;
      try {
        if (comp) zone = new ICAL.Timezone(new ICAL.Component(comp));
      } catch {
        zone = null;
      }
      this.compiled.set(tzid, zone);
    }
    return this.compiled.get(tzid) ?? undefined;
  }
}

/** An IANA name Intl knows. Abbreviations like `EST` are left out: they are not what a TZID means. */
function isIana(name: string): boolean {
  return (name.includes('/') || name === 'UTC' || name === 'GMT') && isTimeZone(name);
}

/**
 * Outlook and Exchange write Windows zone names, or their display names. The common ones map to
 * the IANA zone CLDR gives as their primary; others fall back to the file's VTIMEZONE.
 */
const WINDOWS_ZONES: Record<string, string> = {
  'eastern standard time': 'America/New_York',
  'us eastern standard time': 'America/Indiana/Indianapolis',
  'central standard time': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'us mountain standard time': 'America/Phoenix',
  'pacific standard time': 'America/Los_Angeles',
  'alaskan standard time': 'America/Anchorage',
  'hawaiian standard time': 'Pacific/Honolulu',
  'atlantic standard time': 'America/Halifax',
  'newfoundland standard time': 'America/St_Johns',
  'canada central standard time': 'America/Regina',
  'central standard time (mexico)': 'America/Mexico_City',
  'sa pacific standard time': 'America/Bogota',
  'e. south america standard time': 'America/Sao_Paulo',
  'argentina standard time': 'America/Argentina/Buenos_Aires',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'w. europe standard time': 'Europe/Berlin',
  'romance standard time': 'Europe/Paris',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gtb standard time': 'Europe/Bucharest',
  'fle standard time': 'Europe/Kyiv',
  'russian standard time': 'Europe/Moscow',
  'south africa standard time': 'Africa/Johannesburg',
  'israel standard time': 'Asia/Jerusalem',
  'arabian standard time': 'Asia/Dubai',
  'india standard time': 'Asia/Kolkata',
  'china standard time': 'Asia/Shanghai',
  'tokyo standard time': 'Asia/Tokyo',
  'korea standard time': 'Asia/Seoul',
  'singapore standard time': 'Asia/Singapore',
  'aus eastern standard time': 'Australia/Sydney',
  'e. australia standard time': 'Australia/Brisbane',
  'w. australia standard time': 'Australia/Perth',
  'new zealand standard time': 'Pacific/Auckland',
  'utc': 'UTC',
  // Display names, as in "(UTC-05:00) Eastern Time (US & Canada)".
  'eastern time (us & canada)': 'America/New_York',
  'central time (us & canada)': 'America/Chicago',
  'mountain time (us & canada)': 'America/Denver',
  'pacific time (us & canada)': 'America/Los_Angeles',
  'arizona': 'America/Phoenix',
  'alaska': 'America/Anchorage',
  'hawaii': 'Pacific/Honolulu',
  'atlantic time (canada)': 'America/Halifax',
  'dublin, edinburgh, lisbon, london': 'Europe/London',
  'amsterdam, berlin, bern, rome, stockholm, vienna': 'Europe/Berlin',
  'brussels, copenhagen, madrid, paris': 'Europe/Paris',
  'coordinated universal time': 'UTC',
};

function windowsZone(name: string): string | undefined {
  const key = name.replace(/^\(UTC[^)]*\)\s*/i, '').trim().toLowerCase();
  const zone = WINDOWS_ZONES[key];
  return zone && isTimeZone(zone) ? zone : undefined;
}
