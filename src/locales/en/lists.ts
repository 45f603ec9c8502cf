/** English strings of the faceted lists shared by <civic-group-finder> and <civic-resource-list>. The other languages' catalogues (../es.ts…) hold every part's keys. */
const lists = {
  listClearFilters: 'Clear filters',
  listShowAll: 'Show all {count}',
  listShowFewer: 'Show fewer',
  listShowMore: 'Show more ({count, plural, other {# remaining}})',
  facetTopic: 'Topic',
  facetLanguage: 'Language',
};

export default lists;
