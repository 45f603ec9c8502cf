/** English strings of <civic-resource-list>. The other languages' catalogues (../es.ts…) hold every part's keys. */
const resources = {
  resourcesCount: '{count, plural, =0 {No resources} one {# resource} other {# resources}}',
  facetType: 'Type',
  facetAudience: 'Audience',
  resourcesSearchRegion: 'Find resources',
  resourcesSearch: 'Search resources',
  resourcesMatching:
    '{count, plural, =0 {No resources match} one {# of {total} resources matches} other {# of {total} resources match}}',
  resourcesEmpty: 'No resources match your search and filters. Try other words or fewer filters.',
  sortLabel: 'Sort by',
  sortRelevance: 'Best match',
  sortTitle: 'Title',
  sortNewest: 'Newest',
  resourceBy: 'By {author}',
  resourcePublisher: 'Published by {publisher}',
  resourceTopics: 'Topics',
  resourceAudience: 'For',
  resourceLanguages: 'Language',
  resourceNew: 'New',
  typeGuide: 'Guide',
  typeZine: 'Zine',
  typeToolkit: 'Toolkit',
  typeReport: 'Report',
  typeDataset: 'Dataset',
  typeVideo: 'Video',
  typeCourse: 'Course',
  typeEventRecipe: 'Event recipe',
  typeChecklist: 'Checklist',
};

export default resources;
