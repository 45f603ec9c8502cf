/**
 * The basemap's geometry, bundled with the package and never fetched from a third party: the
 * countries of the world (world-atlas, Natural Earth 1:110m) and, for a map of the United States,
 * its states (us-atlas, US Census Bureau 1:10m). Each file is its own chunk, imported the first
 * time a map needs it, and turned from TopoJSON into GeoJSON once per page.
 */
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapRegion } from './projection.js';

/** What a basemap draws: land to fill, and lines to stroke. */
export interface Geometry {
  /** Every country (for the US: every country but the US, whose states are drawn instead). */
  land: Feature[];
  /** Borders between countries. */
  borders: MultiLineString;
  /** The US states, at a finer scale, when the region is the US. */
  states?: Feature[];
  /** Borders between states. */
  stateBorders?: MultiLineString;
}

type WorldTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
type StatesTopology = Topology<{ states: GeometryCollection; nation: GeometryCollection }>;

/** ISO 3166-1 numeric code of the United States, as world-atlas names its feature. */
const US = '840';

let world: Promise<{ countries: Feature[]; borders: MultiLineString }> | undefined;
let states: Promise<{ states: Feature[]; borders: MultiLineString }> | undefined;

function loadWorld() {
  world ??= import('world-atlas/countries-110m.json').then((module) => {
    const topology = module.default as unknown as WorldTopology;
    const countries = (feature(topology, topology.objects.countries) as FeatureCollection).features;
    return { countries, borders: mesh(topology, topology.objects.countries, (a, b) => a !== b) };
  });
  world.catch(() => (world = undefined)); // a failed chunk may load on the next try
  return world;
}

function loadStates() {
  states ??= import('us-atlas/states-10m.json').then((module) => {
    const topology = module.default as unknown as StatesTopology;
    const features = (feature(topology, topology.objects.states) as FeatureCollection).features;
    return { states: features, borders: mesh(topology, topology.objects.states, (a, b) => a !== b) };
  });
  states.catch(() => (states = undefined));
  return states;
}

const ready = new Map<MapRegion, Geometry>();

/** The geometry for `region`, loading its files the first time. */
export async function loadGeometry(region: MapRegion): Promise<Geometry> {
  const cached = ready.get(region);
  if (cached) return cached;
  let geometry: Geometry;
  if (region === 'us') {
    const [w, s] = await Promise.all([loadWorld(), loadStates()]);
    geometry = {
      land: w.countries.filter((c) => String(c.id) !== US),
      borders: w.borders,
      states: s.states,
      stateBorders: s.borders,
    };
  } else {
    const w = await loadWorld();
    geometry = { land: w.countries, borders: w.borders };
  }
  ready.set(region, geometry);
  return geometry;
}

/** The geometry for `region` if it has loaded already. */
export function loadedGeometry(region: MapRegion): Geometry | undefined {
  return ready.get(region);
}
