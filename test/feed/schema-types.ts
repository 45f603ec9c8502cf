/**
 * Compile-time proof that src/feed/types.ts and feed.schema.json say the same thing: the type
 * checker (`npm run typecheck`) fails when a field is added to one and not the other, or when a
 * value our types allow would break the schema. The generated file comes from scripts/schema-types.mjs.
 */
import type * as Schema from './generated/schema-types.js';
import type * as Ours from '../../src/feed/types.js';

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;

// The same field names, list by list…
export type FieldsMatch = [
  Expect<Equal<keyof Ours.Feed, keyof Schema.CivicFeedVersion1>>,
  Expect<Equal<keyof Ours.CivicEvent, keyof Schema.Event>>,
  Expect<Equal<keyof Ours.Group, keyof Schema.Group>>,
  Expect<Equal<keyof Ours.Resource, keyof Schema.Resource>>,
  Expect<Equal<keyof Ours.Place, keyof Schema.Place>>,
  Expect<Equal<keyof Ours.Rsvp, keyof Schema.Rsvp>>,
  Expect<Equal<keyof Ours.Question, keyof Schema.Question>>,
  Expect<Equal<keyof Ours.Location, keyof Schema.Location>>,
  Expect<Equal<keyof Ours.Contact, keyof Schema.Contact>>,
  Expect<Equal<keyof Ours.Image, keyof Schema.Image>>,
  Expect<Equal<keyof Ours.Dataset, keyof Schema.Dataset>>,
  Expect<Equal<keyof Ours.License, keyof Schema.License>>,
  Expect<Equal<keyof Ours.FeedLabels, keyof Schema.Labels>>,
];

// …and every value our types allow is one the schema accepts.
export type ValuesFit = [
  Expect<Ours.Feed extends Schema.CivicFeedVersion1 ? true : false>,
  Expect<Ours.Cost extends Schema.Cost ? true : false>,
  Expect<Ours.QuestionType extends Schema.Question['type'] ? true : false>,
  Expect<Ours.EventStatus extends NonNullable<Schema.Event['status']> ? true : false>,
];
