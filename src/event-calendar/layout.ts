/**
 * Where occurrences go on the calendar: which days they cover, the lanes of events that span
 * days, and the rows and columns of the week's time grid. Pure functions of occurrences and days;
 * the views turn these numbers into class names (never inline styles, which a strict CSP refuses).
 */
import type { Occurrence } from '../feed/occurrences.js';
import { dayOf } from './period.js';

/** An occurrence with the days it covers, in the display zone. */
export interface Placed {
  occurrence: Occurrence;
  first: number;
  /** The last day it covers (inclusive). */
  last: number;
  /** All-day, or running over more than one day: drawn as a bar across its days. */
  spanning: boolean;
}

/**
 * The days an occurrence covers. An all-day end is exclusive (iCalendar); a timed occurrence
 * that ends at midnight does not reach into the next day.
 */
export function place(occurrence: Occurrence): Placed {
  const first = dayOf(occurrence.start);
  let last: number;
  if (occurrence.allDay) {
    last = dayOf(occurrence.end) - 1;
  } else {
    last = dayOf(occurrence.end);
    if (occurrence.endMs > occurrence.startMs && occurrence.end.slice(11, 19) === '00:00:00') last -= 1;
  }
  last = Math.max(first, last);
  return { occurrence, first, last, spanning: occurrence.allDay || last > first };
}

/** Every day from `start` to `end` (exclusive) with what happens on it, spanning events first. */
export function byDay(placed: readonly Placed[], start: number, end: number): Map<number, Placed[]> {
  const days = new Map<number, Placed[]>();
  for (let day = start; day < end; day++) days.set(day, []);
  for (const p of placed) {
    if (!p.spanning) {
      days.get(p.first)?.push(p);
      continue;
    }
    for (let day = Math.max(p.first, start); day <= Math.min(p.last, end - 1); day++) days.get(day)!.push(p);
  }
  for (const list of days.values()) {
    if (list.length > 1) list.sort(dayOrder);
  }
  return days;
}

function dayOrder(a: Placed, b: Placed): number {
  if (a.spanning !== b.spanning) return a.spanning ? -1 : 1;
  if (a.spanning && a.first !== b.first) return a.first - b.first;
  if (a.spanning && a.last !== b.last) return b.last - a.last;
  return a.occurrence.startMs - b.occurrence.startMs || (a.occurrence.key < b.occurrence.key ? -1 : 1);
}

/**
 * Lanes for the spanning occurrences of one week (days `start` to `start + 6`): the first lane
 * free on every day an occurrence covers, so a bar keeps one height across the week.
 */
export function weekLanes(placed: readonly Placed[], start: number): Map<Placed, number> {
  const lanes = new Map<Placed, number>();
  const taken: number[][] = []; // per lane, the last day taken
  const spanning = placed
    .filter((p) => p.spanning && p.last >= start && p.first <= start + 6)
    .sort(dayOrder);
  for (const p of spanning) {
    const from = Math.max(p.first, start);
    const to = Math.min(p.last, start + 6);
    let lane = taken.findIndex((days) => days.every((d) => d < from || d > to));
    if (lane < 0) {
      lane = taken.length;
      taken.push([]);
    }
    for (let d = from; d <= to; d++) taken[lane]!.push(d);
    lanes.set(p, lane);
  }
  return lanes;
}

/** A day's spanning occurrences, each in its week lane, with `null` where a lane is free that day. */
export function laneRows(items: readonly Placed[], lanes: ReadonlyMap<Placed, number>): (Placed | null)[] {
  const rows: (Placed | null)[] = [];
  for (const p of items) {
    if (!p.spanning) continue;
    const lane = lanes.get(p) ?? 0;
    while (rows.length < lane) rows.push(null);
    rows[lane] = p;
  }
  return rows;
}

// ---- the week's time grid -----------------------------------------------------------------------

/** The grid is cut in quarter hours. */
export const SLOT_MINUTES = 15;
export const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;
/** A box is at least this many rows tall: short events stay big enough to read and to tap (WCAG 2.5.8). */
export const MIN_ROWS = 2;
/** Overlapping events side by side, at most this many; the rest are behind "+N more". */
export const MAX_COLUMNS = 3;

export interface TimedBox {
  placed: Placed;
  /** 1-based grid row of its start, counted from the grid's first hour. */
  row: number;
  /** Rows it covers (at least one). */
  span: number;
  /** Its column among the overlapping events around it, and how many there are (≤ MAX_COLUMNS). */
  column: number;
  columns: number;
}

export interface DayColumn {
  boxes: TimedBox[];
  /** Events that did not fit beside the others. */
  hidden: Placed[];
}

/** Minutes since the displayed day's midnight, from an RFC 3339 time in the display zone. */
export function minuteOf(time: string): number {
  return +time.slice(11, 13) * 60 + +time.slice(14, 16);
}

/** The hours a week grid shows: 8:00 to 18:00, widened to fit every timed event. */
export function hourRange(placed: readonly Placed[]): { from: number; to: number } {
  let from = 8;
  let to = 18;
  for (const p of placed) {
    if (p.spanning) continue;
    const start = minuteOf(p.occurrence.start);
    const end = Math.max(start + MIN_ROWS * SLOT_MINUTES, p.occurrence.endMs > p.occurrence.startMs ? endMinute(p) : 0);
    from = Math.min(from, Math.floor(start / 60));
    to = Math.max(to, Math.ceil(end / 60));
  }
  return { from, to: Math.min(24, Math.max(to, from + 1)) };
}

function endMinute(p: Placed): number {
  const end = p.occurrence.end;
  // Ends at midnight (or on a later day): the box runs to the end of its day.
  return dayOf(end) > p.first ? 24 * 60 : minuteOf(end);
}

/** Rows and side-by-side columns for one day's timed (non-spanning) events, in start order. */
export function layOutDay(placed: readonly Placed[], fromHour: number, toHour = 24): DayColumn {
  const boxes: TimedBox[] = [];
  const hidden: Placed[] = [];
  let cluster: TimedBox[] = [];
  let clusterEnd = -1;
  const columnEnds: number[] = [];
  const close = () => {
    const columns = Math.max(1, columnEnds.length);
    for (const box of cluster) box.columns = columns;
    cluster = [];
    columnEnds.length = 0;
  };
  for (const p of placed) {
    if (p.spanning) continue;
    const startMin = minuteOf(p.occurrence.start);
    const endMin = p.occurrence.endMs > p.occurrence.startMs ? endMinute(p) : startMin;
    const row = Math.floor((startMin - fromHour * 60) / SLOT_MINUTES) + 1;
    const lastRow = ((toHour - fromHour) * 60) / SLOT_MINUTES;
    const span = Math.min(Math.max(MIN_ROWS, Math.ceil((endMin - startMin) / SLOT_MINUTES)), Math.max(1, lastRow - row + 1));
    const top = row;
    const bottom = row + span; // exclusive, in rows
    if (top >= clusterEnd) {
      close();
      clusterEnd = bottom;
    }
    let column = columnEnds.findIndex((end) => end <= top);
    if (column < 0) {
      if (columnEnds.length >= MAX_COLUMNS) {
        hidden.push(p);
        continue;
      }
      column = columnEnds.length;
      columnEnds.push(bottom);
    } else {
      columnEnds[column] = bottom;
    }
    clusterEnd = Math.max(clusterEnd, bottom);
    const box: TimedBox = { placed: p, row, span, column, columns: 1 };
    cluster.push(box);
    boxes.push(box);
  }
  close();
  return { boxes, hidden };
}
