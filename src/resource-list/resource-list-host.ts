import type { ReactiveControllerHost } from 'lit';
import type { Resource } from '../feed/types.js';

/** The orders the resource list offers. `relevance` is "best match" while searching, else by title. */
export type ResourceSort = 'relevance' | 'title' | 'newest';

/** Detail of `civic-resource-select`: a visitor activated a resource's title link. */
export interface CivicResourceSelectDetail {
  resource: Resource;
}

/**
 * What the lazily loaded views read of `<civic-resource-list>`. The element hands itself over as
 * this, so the views never import the element that loads them.
 */
export interface ResourceListHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly language: string;
  types: string[];
  topics: string[];
  audiences: string[];
  languages: string[];
  query: string;
  sort: ResourceSort;
  pageSize: number;
  urlState?: string;
  newDays: number;
  now?: Date;
}
