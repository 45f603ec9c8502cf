/** English strings: the reference catalogue. Every other locale provides the same keys. */
const en = {
  loading: 'Loading…',
  errorTitle: 'This content could not be loaded.',
  errorNoSource: 'No feed is set for this widget.',
  errorNetwork: 'The feed could not be reached ({detail}).',
  errorFormat: 'The feed could not be read ({detail}).',
  staleNotice: 'Showing a saved copy from {date}; it may be out of date.',
  skippedNotice: '{count, plural, one {# item} other {# items}} in the feed could not be shown.',
  retry: 'Try again',
  upcomingEvents: '{count, plural, =0 {No upcoming events} one {# upcoming event} other {# upcoming events}}',
  groupsCount: '{count, plural, =0 {No groups} one {# group} other {# groups}}',
  resourcesCount: '{count, plural, =0 {No resources} one {# resource} other {# resources}}',
  placesCount: '{count, plural, =0 {No places} one {# place} other {# places}}',
  rsvpFor: 'Register for {title}',
  rsvpNoEvent: 'Choose an event to register for.',
  eventsCalendar: 'Events calendar',
  groupFinder: 'Data user groups',
  resourceList: 'Resources',
  inspirationMap: 'Places worth learning from',
  registration: 'Registration',
};

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
export default en satisfies Catalogue;
