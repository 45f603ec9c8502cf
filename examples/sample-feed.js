// @ts-check
/**
 * The bundled sample feed: a year in the civic-data programme of "Riverside Public Library", an
 * invented library in the America/New_York zone. The programmes it learns from, the resources and
 * the places on the inspiration map are real, with their real links (see sample-content.md).
 *
 * Every date is computed from `today`, so the demo page and the stories never look stale. Times are
 * floating local times (`YYYY-MM-DDTHH:MM:SS`), read in the feed's time zone.
 *
 * Plain JavaScript with JSDoc types so that Node (scripts/serve.mjs), Vite (Storybook) and the
 * browser tests can all import it as is; `sample-feed.d.ts` gives TypeScript its signature.
 */

/**
 * @typedef {import('../src/feed/types.js').Feed} Feed
 * @typedef {import('../src/feed/types.js').CivicEvent} CivicEvent
 * @typedef {import('../src/feed/types.js').Group} Group
 * @typedef {import('../src/feed/types.js').Resource} Resource
 * @typedef {import('../src/feed/types.js').Place} Place
 * @typedef {import('../src/feed/types.js').Location} Location
 * @typedef {import('../src/feed/types.js').Contact} Contact
 */

/** The library's time zone: "today" and every local time in the feed are read in it. */
export const SAMPLE_TIMEZONE = 'America/New_York';

/** The id of the Data Day, the event the demo page's registration form is for. */
export const DATA_DAY_ID = 'riverside-data-day';

const SUNDAY = 0;
const MONDAY = 1;
const TUESDAY = 2;
const WEDNESDAY = 3;
const THURSDAY = 4;
const FRIDAY = 5;
const SATURDAY = 6;
const DAY_MS = 24 * 60 * 60 * 1000;

// ---- calendar arithmetic -----------------------------------------------------------------------
// A calendar day is a Date at 00:00 UTC, so adding days never trips over daylight-saving changes.

/**
 * The calendar day that `now` falls on in `timeZone`.
 * @param {Date} now
 * @param {string} timeZone
 * @returns {Date}
 */
function dayIn(now, timeZone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  /** @param {string} type */
  const part = (type) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}

/**
 * @param {Date} day
 * @param {number} days
 * @returns {Date}
 */
function addDays(day, days) {
  return new Date(day.getTime() + days * DAY_MS);
}

/**
 * The day with weekday `weekday` nearest to `day` (at most three days either side).
 * @param {Date} day
 * @param {number} weekday 0 = Sunday
 */
function nearest(day, weekday) {
  let offset = (weekday - day.getUTCDay() + 7) % 7;
  if (offset > 3) offset -= 7;
  return addDays(day, offset);
}

/**
 * The first day after `day` (never `day` itself) with weekday `weekday`.
 * @param {Date} day
 * @param {number} weekday
 */
function nextAfter(day, weekday) {
  return addDays(day, ((weekday - day.getUTCDay() + 6) % 7) + 1);
}

/**
 * The `n`th `weekday` of a month (`n` = -1 for the last one); `month` may run past 11.
 * @param {number} year
 * @param {number} month 0-based
 * @param {number} weekday
 * @param {number} n 1 to 4, or -1
 */
function nthWeekday(year, month, weekday, n) {
  if (n < 0) {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
  }
  const first = new Date(Date.UTC(year, month, 1));
  return addDays(first, ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7);
}

/**
 * The next `count` monthly days on the `n`th `weekday`, the first of them after `today`: the
 * occurrences of `FREQ=MONTHLY;BYDAY=<n><weekday>` starting from the first upcoming one.
 * @param {Date} today
 * @param {number} weekday
 * @param {number} n
 * @param {number} count
 */
function monthly(today, weekday, n, count) {
  const year = today.getUTCFullYear();
  let month = today.getUTCMonth();
  if (nthWeekday(year, month, weekday, n) <= today) month += 1;
  return Array.from({ length: count }, (_, i) => nthWeekday(year, month + i, weekday, n));
}

/**
 * The next `count` weekly days on `weekday`, the first after `today`.
 * @param {Date} today
 * @param {number} weekday
 * @param {number} count
 */
function weekly(today, weekday, count) {
  const first = nextAfter(today, weekday);
  return Array.from({ length: count }, (_, i) => addDays(first, i * 7));
}

/**
 * `YYYY-MM-DD`.
 * @param {Date} day
 */
function date(day) {
  return day.toISOString().slice(0, 10);
}

/**
 * A floating local date-time, `YYYY-MM-DDTHH:MM:00`.
 * @param {Date} day
 * @param {string} time `HH:MM`
 */
function at(day, time) {
  return `${date(day)}T${time}:00`;
}

// ---- the library ---------------------------------------------------------------------------------

/** @type {Location} */
const MAIN_BRANCH = {
  name: 'Riverside Public Library, Main Branch',
  address: '210 Water Street, Riverside',
  lat: 41.2616,
  lon: -73.9248,
};

/** @param {string} room */
function mainBranch(room) {
  return { ...MAIN_BRANCH, name: `${MAIN_BRANCH.name}, ${room}` };
}

/** @type {Location} */
const EASTSIDE_BRANCH = {
  name: 'Riverside Public Library, Eastside Branch',
  address: '88 Linden Avenue, Riverside',
  lat: 41.2652,
  lon: -73.9071,
};

/** @type {Contact} */
const CIVIC_DATA_TEAM = {
  name: 'Riverside Public Library, Civic Data Team',
  email: 'civicdata@riversidelibrary.example',
  url: 'https://riversidelibrary.example/civic-data',
};

const RSVP_ENDPOINT = '/api/rsvp';
const CITY_PORTAL = 'https://data.riverside.example';

/**
 * An entry that replaces one occurrence of `series`: it repeats the series' fields (so it reads
 * well on its own, as an iCalendar override does) and changes what `changes` says.
 * @param {CivicEvent} series
 * @param {string} originalStart the occurrence's start as the rule produces it
 * @param {Partial<CivicEvent>} changes
 * @returns {CivicEvent}
 */
function override(series, originalStart, changes) {
  /** @type {CivicEvent} */
  const entry = {
    ...series,
    id: `${series.id}@${originalStart.slice(0, 10)}`,
    seriesId: series.id,
    recurrenceId: originalStart,
    ...changes,
  };
  delete entry.rrule;
  delete entry.exdates;
  return entry;
}

// ---- events --------------------------------------------------------------------------------------

/**
 * @param {Date} today the library's calendar day
 * @returns {CivicEvent[]}
 */
function events(today) {
  const dataDay = nearest(addDays(today, 21), SATURDAY);
  const hackathon = nearest(addDays(today, 42), SATURDAY);
  const taller = nearest(addDays(today, 35), SATURDAY);
  const dataWalk = nearest(addDays(today, 13), SUNDAY);
  const discoTech = nearest(addDays(today, 27), FRIDAY);
  const dialogue = nearest(addDays(today, 10), MONDAY);

  /** @type {CivicEvent} */
  const dataDayEvent = {
    id: DATA_DAY_ID,
    title: 'Riverside Data Day',
    start: at(dataDay, '10:00'),
    end: at(dataDay, '16:00'),
    description:
      '<p>A free day of hands-on workshops, lightning talks and data clinics for anyone curious about ' +
      'what Riverside\u2019s open data says about their neighborhood. <strong>No experience needed</strong>: ' +
      'pick a track when you register, bring a question, and leave with a map, a chart or a new friend.</p>' +
      '<p>Modeled on <a href="https://www.livingcities.org/blog/1226-pittsburgh-s-data-day-using-civic-data-to-spark-hands-on-community-engagement">' +
      'Pittsburgh\u2019s Data Day</a>. Lunch is provided; tell us about dietary and access needs on the form.</p>',
    attendanceMode: 'in-person',
    location: mainBranch('Community Room and Makerspace'),
    topics: ['housing', 'environment', 'transit', 'budget'],
    audience: ['beginners', 'teens', 'researchers', 'community-organizations'],
    accessibility: ['wheelchair', 'asl', 'captions', 'childcare'],
    languages: ['en'],
    cost: 'free',
    organizer: CIVIC_DATA_TEAM,
    capacity: 120,
    registered: 87,
    waitlist: true,
    rsvp: {
      endpoint: RSVP_ENDPOINT,
      questions: [
        {
          id: 'track',
          label: 'Which track?',
          type: 'radio',
          required: true,
          options: ['Beginners', 'Mapping', 'Housing', 'Environment'],
        },
      ],
    },
  };

  /** @type {CivicEvent} */
  const hackathonEvent = {
    id: 'open-data-hackathon',
    title: 'Open Data Hackathon',
    start: date(hackathon),
    end: date(addDays(hackathon, 2)), // all-day: the end date is exclusive
    description:
      '<p>Two days to build something useful with the city\u2019s transit and housing data: a bus-bunching ' +
      'tracker, a rental-registry lookup, a better map. Coders, designers, tenants, drivers and librarians ' +
      'all welcome; teams form on Saturday morning.</p>' +
      '<p><strong>Access:</strong> step-free entrance, a quiet room all weekend, and free childcare on ' +
      'both days. We follow <a href="http://static.schlosser.io/hackcon.pdf">Making Hackathons Accessible</a>.</p>',
    attendanceMode: 'in-person',
    location: mainBranch('Community Room and Makerspace'),
    topics: ['transit', 'housing'],
    audience: ['researchers', 'community-organizations', 'teens'],
    accessibility: ['wheelchair', 'quiet-room', 'childcare'],
    languages: ['en'],
    cost: 'free',
    organizer: CIVIC_DATA_TEAM,
    capacity: 60,
    registered: 41,
    waitlist: true,
    rsvp: {
      endpoint: RSVP_ENDPOINT,
      questions: [
        {
          id: 'challenge',
          label: 'Which challenge interests you?',
          type: 'select',
          required: true,
          options: ['Transit', 'Housing', 'Not sure yet'],
        },
        {
          id: 'team',
          label: 'Do you have a team?',
          type: 'radio',
          options: ['I have a team', 'Match me with a team'],
        },
      ],
    },
  };

  const housingDays = monthly(today, TUESDAY, 2, 8);
  /** @type {CivicEvent} */
  const housing = {
    id: 'housing-data-user-group',
    title: 'Housing Data User Group',
    start: at(housingDays[0], '18:30'),
    end: at(housingDays[0], '20:00'),
    rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=8',
    description:
      'Tenants, organizers, researchers and city staff working with eviction filings, the rental registry ' +
      'and building permits. Bring a question or a dataset; each meeting opens with a short show-and-tell.',
    attendanceMode: 'in-person',
    location: mainBranch('Room 204'),
    topics: ['housing'],
    audience: ['researchers', 'community-organizations'],
    accessibility: ['wheelchair', 'captions'],
    languages: ['en'],
    cost: 'free',
    groupId: 'housing',
    organizer: { name: 'Housing Data User Group', email: 'housing-data@riversidelibrary.example' },
    capacity: 30,
  };
  const housingMoved = override(housing, at(housingDays[2], '18:30'), {
    start: at(addDays(housingDays[2], 7), '18:30'),
    end: at(addDays(housingDays[2], 7), '20:00'),
    status: 'rescheduled',
    description:
      'Moved one week later this month: Room 204 hosts the city budget hearing on the usual night. ' +
      'Same time, same room.',
  });
  const housingCancelled = override(housing, at(housingDays[4], '18:30'), {
    start: at(housingDays[4], '18:30'),
    end: at(housingDays[4], '20:00'),
    status: 'cancelled',
    description: 'Cancelled: the library is closed for a holiday. See you next month.',
  });

  const environmentDays = monthly(today, THURSDAY, 1, 6);
  /** @type {CivicEvent} */
  const environment = {
    id: 'environmental-data-user-group',
    title: 'Environmental Data User Group',
    start: at(environmentDays[0], '18:00'),
    end: at(environmentDays[0], '19:00'),
    rrule: 'FREQ=MONTHLY;BYDAY=1TH;COUNT=6',
    description:
      'An online hour for people working with air-quality sensors, tree canopy and flood maps. ' +
      'Conversation in English and Spanish, with live captions.',
    attendanceMode: 'online',
    onlineUrl: 'https://meet.riversidelibrary.example/environmental-data',
    topics: ['environment', 'health'],
    audience: ['researchers', 'community-organizations', 'beginners'],
    accessibility: ['captions'],
    languages: ['en', 'es'],
    cost: 'free',
    groupId: 'environment',
    organizer: { name: 'Environmental Data User Group', email: 'environment-data@riversidelibrary.example' },
  };

  const workshopDays = weekly(today, WEDNESDAY, 6);
  /** @type {CivicEvent} */
  const workshops = {
    id: 'data-literacy-workshops',
    title: 'Data Literacy Workshops',
    start: at(workshopDays[0], '18:00'),
    end: at(workshopDays[0], '19:30'),
    rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=6',
    description:
      'Six evenings, one skill each, no experience needed. Laptops are provided; come to one or all six.',
    attendanceMode: 'in-person',
    location: mainBranch('Computer Lab'),
    topics: ['budget', 'public-safety', 'health'],
    audience: ['beginners', 'teens'],
    accessibility: ['wheelchair', 'captions'],
    languages: ['en'],
    cost: 'free',
    organizer: CIVIC_DATA_TEAM,
    capacity: 20,
    registered: 12,
    waitlist: false,
    rsvp: { endpoint: RSVP_ENDPOINT },
  };
  const sessionTitles = [
    'Finding open data',
    'Spreadsheets',
    'Charts that tell the truth',
    'Maps',
    'Asking data questions',
    'Sharing what you found',
  ];
  const sessions = workshopDays.map((day, i) =>
    override(workshops, at(day, '18:00'), {
      title: `Data literacy: ${sessionTitles[i]}`,
      start: at(day, '18:00'),
      end: at(day, '19:30'),
    }),
  );

  const bookClubDays = monthly(today, THURSDAY, -1, 6);
  /** @type {CivicEvent} */
  const bookClub = {
    id: 'open-data-book-club',
    title: 'Open Data Book Club',
    start: at(bookClubDays[0], '19:00'),
    end: at(bookClubDays[0], '20:30'),
    rrule: 'FREQ=MONTHLY;BYDAY=-1TH;COUNT=6',
    description:
      '<p>Like a book club, but the book is a dataset. Each month we pick one from the city portal, ' +
      'everyone explores it on their own, and we meet to talk about what we found. Inspired by ' +
      '<a href="https://opendataottawa.tumblr.com/post/97848763391/open-data-book-club">Open Data Ottawa\u2019s Open Data Book Club</a>.</p>',
    attendanceMode: 'in-person',
    location: mainBranch('Reading Room'),
    topics: ['budget', 'transit', 'public-safety'],
    audience: ['beginners', 'researchers'],
    accessibility: ['wheelchair'],
    languages: ['en'],
    cost: 'free',
    groupId: 'book-club',
    organizer: CIVIC_DATA_TEAM,
    capacity: 25,
  };

  /** @type {CivicEvent[]} */
  const oneOffs = [
    {
      id: 'data-walk-neighborhood-indicators',
      title: 'Data Walk: neighborhood indicators',
      start: at(dataWalk, '13:00'),
      end: at(dataWalk, '15:30'),
      description:
        'Walk the Riverfront and Eastside with posters of neighborhood data (rents, asthma rates, ' +
        'bus frequency, tree cover) set up along the route, and talk in small groups about what the ' +
        'numbers get right and what they miss. The format is the Urban Institute\u2019s Data Walk. ' +
        'Meets at the Eastside Branch; the route is step-free and about one mile.',
      attendanceMode: 'in-person',
      location: EASTSIDE_BRANCH,
      topics: ['housing', 'health', 'environment', 'transit'],
      audience: ['community-organizations', 'beginners'],
      accessibility: ['wheelchair'],
      languages: ['en', 'es'],
      cost: 'free',
      organizer: CIVIC_DATA_TEAM,
      capacity: 30,
      registered: 30,
      waitlist: true,
      rsvp: { endpoint: RSVP_ENDPOINT },
    },
    {
      id: 'discotech',
      title: 'DiscoTech (Discovering Technology)',
      start: at(discoTech, '17:30'),
      end: at(discoTech, '20:00'),
      description:
        'A neighborhood technology fair in the spirit of the Detroit Digital Justice Coalition: stations ' +
        'where you can check what data the city keeps about your block, build a simple map, set up a ' +
        'library card for the digital collections, and learn how to keep your phone private. ' +
        'Food, music and drop-in help for all ages.',
      attendanceMode: 'in-person',
      location: EASTSIDE_BRANCH,
      topics: ['public-safety', 'housing', 'health'],
      audience: ['beginners', 'teens', 'community-organizations'],
      accessibility: ['wheelchair', 'childcare'],
      languages: ['en', 'es'],
      cost: 'free',
      organizer: CIVIC_DATA_TEAM,
      capacity: 80,
    },
    {
      id: 'community-data-dialogue',
      title: 'Community Data Dialogue: what does safety data tell us?',
      start: at(dialogue, '18:30'),
      end: at(dialogue, '20:00'),
      description:
        'A conversation for residents, not experts: we look at a few charts about calls for service and ' +
        'emergency response times together, and ask what is missing. Follows the Sunlight Foundation\u2019s ' +
        'Data Dialogues format for non-technical audiences.',
      attendanceMode: 'in-person',
      location: mainBranch('Community Room'),
      topics: ['public-safety', 'budget'],
      audience: ['beginners', 'community-organizations'],
      accessibility: ['wheelchair', 'asl'],
      languages: ['en'],
      cost: 'free',
      organizer: CIVIC_DATA_TEAM,
      capacity: 40,
      registered: 15,
      rsvp: { endpoint: RSVP_ENDPOINT },
    },
    {
      id: 'taller-datos-abiertos',
      title: 'Taller de datos abiertos',
      start: at(taller, '10:30'),
      end: at(taller, '13:00'),
      description:
        '<p>Un taller práctico <strong>en español</strong> para aprender a encontrar y usar los datos ' +
        'abiertos de la ciudad: vivienda, transporte y salud. No se necesita experiencia; la biblioteca ' +
        'presta computadoras portátiles.</p>',
      attendanceMode: 'in-person',
      location: EASTSIDE_BRANCH,
      topics: ['housing', 'transit', 'health'],
      audience: ['beginners', 'community-organizations'],
      accessibility: ['wheelchair', 'childcare'],
      languages: ['es'],
      cost: 'free',
      organizer: CIVIC_DATA_TEAM,
      capacity: 25,
      registered: 9,
      rsvp: {
        endpoint: RSVP_ENDPOINT,
        questions: [
          {
            id: 'laptop',
            label: '¿Necesita que le prestemos una computadora?',
            type: 'radio',
            options: ['Sí', 'No'],
          },
        ],
      },
    },
  ];

  return [
    dataDayEvent,
    hackathonEvent,
    housing,
    housingMoved,
    housingCancelled,
    environment,
    workshops,
    ...sessions,
    bookClub,
    ...oneOffs,
  ];
}

// ---- groups --------------------------------------------------------------------------------------

/** @returns {Group[]} */
function groups() {
  return [
    {
      id: 'housing',
      name: 'Housing Data User Group',
      description:
        'Tenants, organizers, researchers and city staff who work with housing data and want to ' +
        'compare notes: how filings are counted, what the registry misses, which permits signal change.',
      topics: ['housing'],
      datasets: [
        { name: 'Eviction filings', url: `${CITY_PORTAL}/housing/eviction-filings` },
        { name: 'Rental registry', url: `${CITY_PORTAL}/housing/rental-registry` },
        { name: 'Building permits', url: `${CITY_PORTAL}/housing/building-permits` },
        { name: 'Eviction Lab', url: 'https://evictionlab.org/' },
      ],
      cadence: 'Second Tuesday of each month, 6:30 to 8 pm',
      attendanceMode: 'in-person',
      location: mainBranch('Room 204'),
      languages: ['en'],
      audience: ['researchers', 'community-organizations'],
      joinUrl: 'mailto:housing-data@riversidelibrary.example?subject=Join%20the%20Housing%20Data%20User%20Group',
      contact: { name: 'Housing Data User Group', email: 'housing-data@riversidelibrary.example' },
    },
    {
      id: 'environment',
      name: 'Environmental Data User Group',
      description:
        'Community scientists and neighbors who run low-cost air sensors, map the tree canopy and read ' +
        'flood maps. Meets online, in English and Spanish.',
      topics: ['environment', 'health'],
      datasets: [
        { name: 'Air-quality sensors', url: 'https://www.airnow.gov/' },
        { name: 'Tree canopy', url: `${CITY_PORTAL}/environment/tree-canopy` },
        { name: 'Flood maps', url: 'https://msc.fema.gov/portal/home' },
      ],
      cadence: 'First Thursday of each month, 6 to 7 pm, online',
      attendanceMode: 'online',
      languages: ['en', 'es'],
      audience: ['researchers', 'community-organizations', 'beginners'],
      joinUrl: 'https://meet.riversidelibrary.example/environmental-data',
      contact: { name: 'Environmental Data User Group', email: 'environment-data@riversidelibrary.example' },
    },
    {
      id: 'book-club',
      name: 'Open Data Book Club',
      description:
        'One dataset a month, read at home and talked over together. Newcomers welcome; nobody needs to code.',
      topics: ['budget', 'transit', 'public-safety'],
      datasets: [
        { name: 'Riverside open data portal', url: CITY_PORTAL },
        { name: 'American Community Survey', url: 'https://www.census.gov/programs-surveys/acs' },
      ],
      cadence: 'Last Thursday of each month, 7 to 8:30 pm',
      attendanceMode: 'in-person',
      location: mainBranch('Reading Room'),
      languages: ['en'],
      audience: ['beginners', 'researchers'],
      joinUrl: 'mailto:civicdata@riversidelibrary.example?subject=Open%20Data%20Book%20Club',
      contact: CIVIC_DATA_TEAM,
    },
    {
      id: 'transit-riders',
      name: 'Transit Riders Data Collective',
      description:
        'Riders who compare the published schedule with the buses that actually come, and take what ' +
        'they find to the transit authority\u2019s board meetings.',
      topics: ['transit'],
      datasets: [
        { name: 'Bus schedules (GTFS)', url: `${CITY_PORTAL}/transit/gtfs` },
        { name: 'On-time performance', url: `${CITY_PORTAL}/transit/on-time-performance` },
        { name: 'Ridership by route', url: `${CITY_PORTAL}/transit/ridership` },
      ],
      cadence: 'Every other Saturday morning, 10 am',
      attendanceMode: 'mixed',
      location: EASTSIDE_BRANCH,
      languages: ['en', 'es'],
      audience: ['community-organizations', 'beginners'],
      joinUrl: 'mailto:transit-riders@riversidelibrary.example?subject=Join%20the%20collective',
      contact: { name: 'Transit Riders Data Collective', email: 'transit-riders@riversidelibrary.example' },
    },
    {
      id: 'budget-watchers',
      name: 'Budget Watchers',
      description:
        'Follows the city budget from proposal to adoption: reads the line items, tracks spending ' +
        'against plan, and prepares plain-language summaries before each public hearing.',
      topics: ['budget', 'public-safety'],
      datasets: [
        { name: 'Adopted budget', url: `${CITY_PORTAL}/finance/adopted-budget` },
        { name: 'Checkbook (city payments)', url: `${CITY_PORTAL}/finance/checkbook` },
        { name: 'Federal awards (USAspending)', url: 'https://www.usaspending.gov/' },
      ],
      cadence: 'Third Monday of each month; weekly during budget season',
      attendanceMode: 'mixed',
      location: mainBranch('Room 204'),
      languages: ['en'],
      audience: ['researchers', 'community-organizations'],
      joinUrl: 'mailto:budget-watchers@riversidelibrary.example?subject=Join%20Budget%20Watchers',
      contact: { name: 'Budget Watchers', email: 'budget-watchers@riversidelibrary.example' },
    },
  ];
}

// ---- resources -----------------------------------------------------------------------------------

/**
 * @param {Date} today
 * @returns {Resource[]}
 */
function resources(today) {
  /** @param {number} days */
  const ago = (days) => date(addDays(today, -days));
  return [
    {
      id: 'discotech-zine',
      title: 'Discovering Technology ("DiscoTech"), with the "How to DiscoTech" zine',
      url: 'https://alliedmedia.org/ddjc/discotech',
      description:
        'A DiscoTech is a neighborhood science fair for technology: hands-on stations that demystify ' +
        'tools and data. The zine walks through planning one.',
      type: 'zine',
      topics: ['community-engagement', 'event-planning', 'digital-justice'],
      audience: ['community-organizations', 'beginners'],
      languages: ['en'],
      author: 'Detroit Digital Justice Coalition',
      publisher: 'Allied Media Projects',
      added: ago(160),
    },
    {
      id: 'sunlight-data-dialogues',
      title: 'Community Data Dialogues: host events that engage non-technical audiences on open data',
      url: 'https://communities.sunlightfoundation.com/action/data-dialogues/',
      description:
        'How to plan a conversation about local data for people who do not work with data: choosing ' +
        'questions, preparing visuals and facilitating.',
      type: 'guide',
      topics: ['community-engagement', 'event-planning', 'open-data'],
      audience: ['community-organizations', 'beginners'],
      languages: ['en'],
      author: 'Sunlight Foundation',
      publisher: 'Roadmap to Informed Communities',
      added: ago(140),
    },
    {
      id: 'urban-data-walks',
      title: 'Data Walks: An Innovative Way to Share Data with Communities',
      url: 'https://www.urban.org/research/publication/data-walks-innovative-way-share-data-communities',
      description:
        'Data Walks put research findings on posters along a route and invite residents to discuss them ' +
        'in small groups. The report explains the method and how to run one.',
      type: 'report',
      topics: ['community-engagement', 'event-planning', 'housing', 'health'],
      audience: ['community-organizations', 'researchers'],
      languages: ['en'],
      author: 'Brittany Murray, Elsa Falkenburger, Priya Saxena',
      publisher: 'Urban Institute',
      published: '2016-06-04',
      added: ago(120),
    },
    {
      id: 'accessible-hackathons',
      title: 'When "Awesome" Is Isolating: Making Hackathons Accessible',
      url: 'http://static.schlosser.io/hackcon.pdf',
      description:
        'Practical advice for making a hackathon welcoming to newcomers and to people the usual format ' +
        'leaves out, from the invitation to the judging.',
      type: 'guide',
      topics: ['accessibility', 'event-planning'],
      audience: ['community-organizations'],
      languages: ['en'],
      author: 'Dan Schlosser',
      added: ago(100),
    },
    {
      id: 'pittsburgh-data-day',
      title: "Pittsburgh's Data Day: Using Civic Data to Spark Hands-on Community Engagement",
      url: 'https://www.livingcities.org/blog/1226-pittsburgh-s-data-day-using-civic-data-to-spark-hands-on-community-engagement',
      description: 'How Pittsburgh brought residents, nonprofits and data publishers together for a day of civic data.',
      type: 'report',
      topics: ['community-engagement', 'event-planning', 'open-data'],
      audience: ['community-organizations', 'researchers'],
      languages: ['en'],
      author: 'Living Cities',
      publisher: 'Living Cities',
      added: ago(90),
    },
    {
      id: 'rpl-data-day-recipe',
      title: 'Event recipe: running a Data Day at your library',
      url: 'https://riversidelibrary.example/civic-data/data-day-recipe',
      description:
        '<p>Everything we learned running Riverside Data Day: a <strong>twelve-week timeline</strong>, ' +
        'room layouts, a volunteer plan, a budget, and the sign-up questions that helped us plan tracks.</p>',
      type: 'event-recipe',
      topics: ['event-planning', 'community-engagement'],
      audience: ['community-organizations'],
      languages: ['en'],
      author: 'Riverside Public Library, Civic Data Team',
      publisher: 'Riverside Public Library',
      published: ago(12),
      added: ago(9),
    },
    {
      id: 'rpl-accessible-hackathon-checklist',
      title: 'Checklist: an accessible hackathon',
      url: 'https://riversidelibrary.example/civic-data/accessible-hackathon-checklist',
      description:
        'Step-free rooms, a quiet room, childcare, captions, food for every diet, and a code of ' +
        'conduct with a named contact: the list we check before every hackathon.',
      type: 'checklist',
      topics: ['accessibility', 'event-planning'],
      audience: ['community-organizations'],
      languages: ['en', 'es'],
      author: 'Riverside Public Library, Civic Data Team',
      publisher: 'Riverside Public Library',
      published: ago(60),
      added: ago(58),
    },
    {
      id: 'rpl-open-data-portals',
      title: "Riverside's open-data portals: where to find city, county and state data",
      url: 'https://riversidelibrary.example/civic-data/open-data-portals',
      description:
        'The city, county, school district and state portals that publish data about Riverside, what each ' +
        'one holds, and whom to ask when a dataset is missing.',
      type: 'guide',
      topics: ['open-data', 'housing', 'transit', 'budget', 'environment'],
      audience: ['beginners', 'researchers', 'teens'],
      languages: ['en'],
      author: 'Riverside Public Library, Reference Desk',
      publisher: 'Riverside Public Library',
      published: ago(200),
      added: ago(45),
    },
  ];
}

// ---- places --------------------------------------------------------------------------------------

/** @returns {Place[]} */
function places() {
  return [
    {
      id: 'pittsburgh-data-day',
      name: "Pittsburgh's Data Day",
      lat: 40.4406,
      lon: -79.9959,
      city: 'Pittsburgh',
      region: 'PA',
      country: 'US',
      program: 'Data Day',
      description: 'A day of hands-on activities that brought residents and civic data together.',
      url: 'https://www.livingcities.org/blog/1226-pittsburgh-s-data-day-using-civic-data-to-spark-hands-on-community-engagement',
      topics: ['community-engagement'],
    },
    {
      id: 'nyc-open-data',
      name: 'NYC Open Data event calendar',
      lat: 40.7128,
      lon: -74.006,
      city: 'New York',
      region: 'NY',
      country: 'US',
      program: 'Open data events',
      organizer: 'NYC Open Data',
      description: 'A public calendar of trainings, meetups and Open Data Week events across the city.',
      url: 'https://www.open-data.nyc',
      topics: ['open-data', 'data-literacy'],
    },
    {
      id: 'chapel-hill-hackathon',
      name: "Chapel Hill Public Library's Open Data Hackathon",
      lat: 35.9132,
      lon: -79.0558,
      city: 'Chapel Hill',
      region: 'NC',
      country: 'US',
      program: 'Open data hackathon',
      organizer: 'Chapel Hill Public Library',
      description: 'A public library that hosts an open-data hackathon for its community.',
      url: 'https://chapelhillpubliclibrary.org/eventscalendar/open-data-hackathon/',
      topics: ['open-data'],
    },
    {
      id: 'ottawa-book-club',
      name: "Open Data Ottawa's Open Data Book Club",
      lat: 45.4215,
      lon: -75.6972,
      city: 'Ottawa',
      region: 'ON',
      country: 'CA',
      program: 'Open data book club',
      organizer: 'Open Data Ottawa',
      description: 'Like a book club, but everyone reads the same dataset and meets to discuss it.',
      url: 'https://opendataottawa.tumblr.com/post/97848763391/open-data-book-club',
      topics: ['open-data', 'data-literacy'],
    },
    {
      id: 'data-days-cleveland',
      name: 'Data Days Cleveland',
      lat: 41.4993,
      lon: -81.6944,
      city: 'Cleveland',
      region: 'OH',
      country: 'US',
      program: 'Data Day',
      description: 'A yearly conference that makes data accessible to everyone in the region.',
      url: 'https://www.datadayscle.org/',
      topics: ['community-engagement', 'data-literacy'],
    },
    {
      id: 'baltimore-data-day',
      name: 'Baltimore Data Day',
      lat: 39.2904,
      lon: -76.6122,
      city: 'Baltimore',
      region: 'MD',
      country: 'US',
      program: 'Data Day',
      organizer: 'Baltimore Neighborhood Indicators Alliance',
      description: 'Community groups, nonprofits and city agencies share how they use neighborhood data.',
      url: 'https://bniajfi.org/data_day/',
      topics: ['community-engagement', 'housing'],
    },
    {
      id: 'detroit-discotech',
      name: 'DiscoTech (Detroit Digital Justice Coalition)',
      lat: 42.3314,
      lon: -83.0458,
      city: 'Detroit',
      region: 'MI',
      country: 'US',
      program: 'DiscoTech',
      organizer: 'Detroit Digital Justice Coalition',
      description: 'Neighborhood technology fairs that demystify tools and data, with a zine on how to host one.',
      url: 'https://alliedmedia.org/ddjc/discotech',
      topics: ['community-engagement', 'digital-justice'],
    },
  ];
}

// ---- the feed ------------------------------------------------------------------------------------

/**
 * The sample feed as of `today`: every event lies ahead of the library's calendar day, so the
 * demo always has an upcoming programme.
 * @param {Date} [today] the moment the feed is built for (default: now)
 * @returns {Feed}
 */
export function buildSampleFeed(today = new Date()) {
  const day = dayIn(today, SAMPLE_TIMEZONE);
  return {
    version: '1',
    title: 'Riverside Public Library: Civic Data',
    timezone: SAMPLE_TIMEZONE,
    events: events(day),
    groups: groups(),
    resources: resources(day),
    places: places(),
  };
}
