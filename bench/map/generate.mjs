/**
 * Generated places for the map benchmark: thousands of programs, most of them in US cities (dense
 * around a few metros, as real data is) and the rest around the world, the same every run.
 */

import { seededRandom as random } from '../seeded-random.mjs';

const US_METROS = [
  ['New York', 'NY', 40.71, -74.01], ['Los Angeles', 'CA', 34.05, -118.24], ['Chicago', 'IL', 41.88, -87.63],
  ['Houston', 'TX', 29.76, -95.37], ['Phoenix', 'AZ', 33.45, -112.07], ['Philadelphia', 'PA', 39.95, -75.17],
  ['Pittsburgh', 'PA', 40.44, -80.0], ['Cleveland', 'OH', 41.5, -81.69], ['Detroit', 'MI', 42.33, -83.05],
  ['Baltimore', 'MD', 39.29, -76.61], ['Seattle', 'WA', 47.61, -122.33], ['Denver', 'CO', 39.74, -104.99],
  ['Atlanta', 'GA', 33.75, -84.39], ['Miami', 'FL', 25.76, -80.19], ['Minneapolis', 'MN', 44.98, -93.27],
  ['Chapel Hill', 'NC', 35.91, -79.06], ['Austin', 'TX', 30.27, -97.74], ['Portland', 'OR', 45.52, -122.68],
];
const WORLD_CITIES = [
  ['Ottawa', 'ON', 'CA', 45.42, -75.7], ['Mexico City', '', 'MX', 19.43, -99.13], ['London', '', 'GB', 51.51, -0.13],
  ['Madrid', '', 'ES', 40.42, -3.7], ['Nairobi', '', 'KE', -1.29, 36.82], ['São Paulo', 'SP', 'BR', -23.55, -46.63],
  ['Bogotá', '', 'CO', 4.71, -74.07], ['Seoul', '', 'KR', 37.57, 126.98], ['Taipei', '', 'TW', 25.03, 121.57],
  ['Melbourne', 'VIC', 'AU', -37.81, 144.96], ['Cape Town', '', 'ZA', -33.92, 18.42], ['Berlin', '', 'DE', 52.52, 13.4],
];
const PROGRAMS = ['Data Day', 'Open data hackathon', 'Open data book club', 'DiscoTech', 'Data walk', 'Data literacy workshops', 'Community data dialogue'];
const TOPICS = ['housing', 'transit', 'budget', 'environment', 'health', 'public-safety', 'open-data', 'data-literacy', 'community-engagement'];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/**
 * `count` places: 70% around US metros (within about 150 km, some spread across the country),
 * 30% around cities elsewhere.
 */
export function generatePlaces(count, seed = 2026) {
  const rand = random(seed);
  const places = [];
  for (let i = 0; i < count; i++) {
    const inUs = rand() < 0.7;
    const spread = rand() < 0.15 ? 8 : 1.2;
    let city, region, country, lat, lon;
    if (inUs) {
      [city, region, lat, lon] = pick(rand, US_METROS);
      country = 'US';
    } else {
      [city, region, country, lat, lon] = pick(rand, WORLD_CITIES);
    }
    lat = Math.max(-85, Math.min(85, lat + (rand() - 0.5) * spread));
    lon = Math.max(-180, Math.min(180, lon + (rand() - 0.5) * spread * 1.4));
    const program = pick(rand, PROGRAMS);
    places.push({
      id: `place-${i}`,
      name: `${city} ${program} #${i}`,
      lat: Math.round(lat * 1e4) / 1e4,
      lon: Math.round(lon * 1e4) / 1e4,
      city,
      ...(region ? { region } : {}),
      country,
      program,
      organizer: `${city} Public Library`,
      description: `A ${program.toLowerCase()} run by the ${city} Public Library and its partners.`,
      url: `https://example.org/programs/${i}`,
      topics: [pick(rand, TOPICS), pick(rand, TOPICS)].filter((t, n, all) => all.indexOf(t) === n),
      started: 2010 + Math.floor(rand() * 15),
    });
  }
  return places;
}
