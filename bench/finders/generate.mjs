/**
 * Generated feeds for the finders benchmark: thousands of resources and groups that look like a
 * real library's (accents, several topics, long descriptions, a few locations), the same every run.
 */

import { seededRandom as random } from '../seeded-random.mjs';

const TOPICS = [
  'housing', 'transit', 'budget', 'environment', 'health', 'public-safety', 'education', 'open-data',
  'community-engagement', 'event-planning', 'accessibility', 'digital-justice', 'elections', 'parks',
  'food-access', 'libraries', 'immigration', 'labor', 'water', 'energy',
];
const TYPES = ['guide', 'zine', 'toolkit', 'report', 'dataset', 'video', 'course', 'event-recipe', 'checklist'];
const AUDIENCES = ['beginners', 'teens', 'researchers', 'community-organizations', 'librarians', 'city-staff'];
const LANGUAGES = ['en', 'es', 'fr', 'zh', 'vi', 'ar'];
const WORDS = [
  'datos', 'vivienda', 'económica', 'participación', 'mapas', 'comunidad', 'open', 'data', 'civic', 'walks',
  'neighborhood', 'budget', 'transit', 'hackathon', 'workshop', 'literacy', 'library', 'zine', 'sensors',
  'permits', 'evictions', 'ridership', 'canopy', 'flood', 'schools', 'clinics', 'census', 'survey',
  'dashboards', 'stories', 'questions', 'charts', 'spreadsheets', 'maps', 'privacy', 'équité', 'naïve',
];
const PEOPLE = ['Ana Ruiz', 'Brittany Murray', 'Chen Wei', 'Dan Schlosser', 'Élodie Martin', 'Fatima Ahmed', 'Grace Lee', 'Hiro Tanaka'];
const PUBLISHERS = ['Urban Institute', 'Sunlight Foundation', 'Allied Media Projects', 'Living Cities', 'Riverside Public Library'];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const some = (rand, list, min, max) => {
  const n = min + Math.floor(rand() * (max - min + 1));
  return [...new Set(Array.from({ length: n }, () => pick(rand, list)))];
};
const sentence = (rand, n) => {
  const words = Array.from({ length: n }, () => pick(rand, WORDS));
  return `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
};
const day = (rand, fromYear, span) => {
  const d = new Date(Date.UTC(fromYear, 0, 1) + Math.floor(rand() * span) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** `count` resources. */
export function generateResources(count, seed = 1) {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `resource-${i}`,
    title: `${sentence(rand, 3 + Math.floor(rand() * 5)).slice(0, -1)} ${i}`,
    url: `https://library.example/resources/${i}`,
    description: `${sentence(rand, 14)} ${sentence(rand, 12)}`,
    type: pick(rand, TYPES),
    topics: some(rand, TOPICS, 1, 3),
    audience: some(rand, AUDIENCES, 1, 2),
    languages: some(rand, LANGUAGES, 1, 2),
    author: pick(rand, PEOPLE),
    publisher: pick(rand, PUBLISHERS),
    published: day(rand, 2010, 5800),
    added: day(rand, 2024, 900),
  }));
}

const DATASETS = Array.from({ length: 60 }, (_, i) => ({
  name: `${['Eviction filings', 'Rental registry', 'Bus schedules', 'Air sensors', 'Adopted budget', 'Tree canopy'][i % 6]} ${Math.floor(i / 6) + 1}`,
  url: `https://data.example/d/${i}`,
}));
const MODES = ['in-person', 'online', 'mixed'];

/** `count` groups, with locations around one city, and a monthly meeting for every fifth one. */
export function generateGroups(count, seed = 2) {
  const rand = random(seed);
  const groups = [];
  const events = [];
  for (let i = 0; i < count; i++) {
    const mode = pick(rand, MODES);
    const group = {
      id: `group-${i}`,
      name: `${sentence(rand, 2).slice(0, -1)} data group ${i}`,
      description: `${sentence(rand, 16)} ${sentence(rand, 10)}`,
      topics: some(rand, TOPICS, 1, 3),
      datasets: some(rand, DATASETS, 1, 3),
      cadence: 'Second Tuesday of each month',
      attendanceMode: mode,
      languages: some(rand, LANGUAGES, 1, 2),
      audience: some(rand, AUDIENCES, 1, 2),
      joinUrl: `mailto:group-${i}@library.example`,
      contact: { name: pick(rand, PEOPLE), email: `group-${i}@library.example` },
    };
    if (mode !== 'online') {
      group.location = { name: `Branch ${i % 25}`, lat: 41.2 + rand() * 0.2, lon: -74 + rand() * 0.2 };
    }
    groups.push(group);
    if (i % 5 === 0) {
      events.push({
        id: `meeting-${i}`, title: group.name, start: '2026-01-13T18:30:00', end: '2026-01-13T20:00:00',
        rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=24', groupId: group.id,
      });
    }
  }
  return { groups, events };
}
