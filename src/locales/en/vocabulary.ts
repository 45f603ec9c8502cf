/**
 * English words for the common values feeds use in `topics` and `audience` (feed-format.md), for
 * every element that shows them. The other languages' catalogues (../es.ts…) hold every part's keys.
 */
const vocabulary = {
  topicHousing: 'Housing',
  topicEnvironment: 'Environment',
  topicTransit: 'Transit',
  topicBudget: 'Budget',
  topicHealth: 'Health',
  topicPublicSafety: 'Public safety',
  topicEducation: 'Education',
  topicElections: 'Elections',
  topicCommunityEngagement: 'Community engagement',
  topicEventPlanning: 'Event planning',
  topicOpenData: 'Open data',
  topicDataLiteracy: 'Data literacy',
  topicDigitalJustice: 'Digital justice',
  topicAccessibility: 'Accessibility',
  audienceBeginners: 'Beginners',
  audienceTeens: 'Teens',
  audienceFamilies: 'Families',
  audienceSeniors: 'Older adults',
  audienceStudents: 'Students',
  audienceEducators: 'Educators',
  audienceResearchers: 'Researchers',
  audienceJournalists: 'Journalists',
  audienceCommunityOrganizations: 'Community organizations',
};

export default vocabulary;
