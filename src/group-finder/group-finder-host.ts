import type { ReactiveControllerHost } from 'lit';
import type { AttendanceMode, Group } from '../feed/types.js';

/** Detail of `civic-group-select`: a visitor activated a group's title link (`open`) or its join link (`join`). */
export interface CivicGroupSelectDetail {
  group: Group;
  action: 'open' | 'join';
}

/**
 * What the lazily loaded views read of `<civic-group-finder>`. The element hands itself over as
 * this, so the views never import the element that loads them.
 */
export interface GroupFinderHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly language: string;
  topics: string[];
  datasets: string[];
  modes: AttendanceMode[];
  languages: string[];
  query: string;
  near?: string;
  pageSize: number;
  urlState?: string;
  meetings: number;
  distanceUnit?: 'kilometer' | 'mile';
  now?: Date;
}
