/**
 * Marker clustering in screen space: points less than `radius` pixels apart at the current zoom,
 * across or down, become one cluster. Pure functions of numbers, shared by the SVG map and the
 * tile map.
 *
 * Distances are measured square (the larger of the horizontal and vertical gap) and a cluster is
 * drawn where its first point is: every two markers drawn are then at least `radius` apart across
 * or down, so with a radius no smaller than the largest marker, no two buttons ever overlap.
 */

/** A point in the map's base coordinates (pixels at zoom 1). */
export interface ClusterPoint {
  x: number;
  y: number;
}

export interface Cluster {
  /** Stable while the zoom stays: the key of the cluster's first member. */
  key: string;
  /** Where the cluster is drawn, in base coordinates: its first member's position. */
  x: number;
  y: number;
  /** Indices into the points given, in the order given. */
  members: number[];
}

/** Packs a grid cell into one number; cells stay well inside ±2^20 for any zoom the maps allow. */
const cellId = (cx: number, cy: number) => (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);

/**
 * Greedy distance clustering on a grid: each point not yet taken starts a cluster and takes every
 * untaken point within `radius` screen pixels of it, across and down (looked up in the 3×3
 * neighbouring cells). Points are visited in the order given, so the result depends only on the
 * input and the scale, never on panning. Linear in the number of points for any realistic density.
 *
 * @param points positions in base coordinates
 * @param keys one key per point, used to name clusters
 * @param scale pixels per base unit (the zoom factor)
 * @param radius screen pixels within which markers merge
 */
export function clusterPoints(
  points: readonly ClusterPoint[],
  keys: readonly string[],
  scale: number,
  radius: number,
): Cluster[] {
  const cell = radius > 0 ? radius : 1;
  const grid = new Map<number, number[]>();
  const cx = new Float64Array(points.length);
  const cy = new Float64Array(points.length);
  points.forEach((p, i) => {
    const sx = p.x * scale;
    const sy = p.y * scale;
    cx[i] = sx;
    cy[i] = sy;
    const id = cellId(Math.floor(sx / cell), Math.floor(sy / cell));
    const bucket = grid.get(id);
    if (bucket) bucket.push(i);
    else grid.set(id, [i]);
  });

  const taken = new Uint8Array(points.length);
  const clusters: Cluster[] = [];
  for (let i = 0; i < points.length; i++) {
    if (taken[i]) continue;
    taken[i] = 1;
    const members = [i];
    const gx = Math.floor(cx[i]! / cell);
    const gy = Math.floor(cy[i]! / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const bucket = grid.get(cellId(gx + dx, gy + dy));
        if (!bucket) continue;
        for (const j of bucket) {
          if (taken[j]) continue;
          if (Math.max(Math.abs(cx[j]! - cx[i]!), Math.abs(cy[j]! - cy[i]!)) < radius) {
            taken[j] = 1;
            members.push(j);
          }
        }
      }
    }
    if (members.length > 1) members.sort((a, b) => a - b);
    clusters.push({ key: keys[i]!, x: points[i]!.x, y: points[i]!.y, members });
  }
  return clusters;
}

/** Orders clusters west to east (then north to south): the order a keyboard reaches them in. */
export function westToEast(clusters: Cluster[]): Cluster[] {
  return clusters.sort((a, b) => a.x - b.x || a.y - b.y);
}

/**
 * The smallest zoom, from `from` up by doubling to `max`, at which the point `index` stands alone;
 * `max` when it never does (points at the same spot). Used to centre a place picked in the list.
 */
export function zoomToSeparate(
  points: readonly ClusterPoint[],
  index: number,
  from: number,
  max: number,
  radius: number,
): number {
  const target = points[index];
  if (!target) return from;
  // Only the distance to the nearest other point matters.
  let nearest = Infinity;
  points.forEach((p, i) => {
    if (i === index) return;
    nearest = Math.min(nearest, Math.max(Math.abs(p.x - target.x), Math.abs(p.y - target.y)));
  });
  let k = from;
  while (k < max && nearest * k < radius) k = Math.min(max, k * 2);
  return k;
}

/**
 * Whether a cluster's members would still overlap at zoom `max`: then zooming in cannot split it,
 * and activating it lists its members instead.
 */
export function inseparable(points: readonly ClusterPoint[], members: readonly number[], max: number, radius: number): boolean {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const m of members) {
    const p = points[m]!;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return Math.max(x1 - x0, y1 - y0) * max < radius;
}
