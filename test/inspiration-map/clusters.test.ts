import { expect } from 'chai';
import { clusterPoints, inseparable, westToEast, zoomToSeparate } from '../../src/inspiration-map/clusters.js';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('clusterPoints', () => {
  it('keeps points farther apart than the radius as markers of their own', () => {
    const points = [{ x: 0, y: 0 }, { x: 40, y: 0 }, { x: 0, y: 40 }];
    const clusters = clusterPoints(points, keys(3), 1, 32);
    expect(clusters.map((c) => c.members)).to.deep.equal([[0], [1], [2]]);
    expect(clusters.map((c) => c.key)).to.deep.equal(['p0', 'p1', 'p2']);
  });

  it('merges points within the radius across and down, drawn at and named after the first', () => {
    const points = [{ x: 10, y: 10 }, { x: 20, y: 10 }, { x: 200, y: 200 }, { x: 40, y: 40 }];
    const clusters = clusterPoints(points, keys(4), 1, 32);
    expect(clusters).to.have.length(2);
    // (40, 40) is 30 px across and 30 px down: within a square of 32, though 42 px away on the diagonal.
    expect(clusters[0]).to.deep.equal({ key: 'p0', x: 10, y: 10, members: [0, 1, 3] });
    expect(clusters[1]!.members).to.deep.equal([2]);
  });

  it('measures in screen pixels: zooming in splits a cluster, zooming out merges it', () => {
    const points = [{ x: 0, y: 0 }, { x: 10, y: 0 }];
    expect(clusterPoints(points, keys(2), 1, 32)).to.have.length(1);
    expect(clusterPoints(points, keys(2), 4, 32)).to.have.length(2);
    expect(clusterPoints(points, keys(2), 3.1, 32)).to.have.length(1);
    expect(clusterPoints(points, keys(2), 3.2, 32)).to.have.length(2);
  });

  it('finds neighbours across grid cells, and negative coordinates', () => {
    const points = [{ x: -1, y: -1 }, { x: 1, y: 1 }, { x: 30, y: 0 }];
    const clusters = clusterPoints(points, keys(3), 1, 32);
    expect(clusters).to.have.length(1);
    expect(clusters[0]!.members).to.deep.equal([0, 1, 2]);
  });

  it('puts every point in exactly one cluster, and stays fast for thousands', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const points = Array.from({ length: 5000 }, () => ({ x: random() * 960, y: random() * 600 }));
    const started = performance.now();
    const clusters = clusterPoints(points, keys(points.length), 1, 32);
    const elapsed = performance.now() - started;
    const members = clusters.flatMap((c) => c.members).sort((a, b) => a - b);
    expect(members).to.deep.equal(points.map((_, i) => i));
    // Generous, for a busy test machine: bench/map.mjs measures it properly.
    expect(elapsed).to.be.lessThan(250);
  });

  it('keeps every two markers drawn at least the radius apart, across or down', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const points = Array.from({ length: 800 }, () => ({ x: random() * 600, y: random() * 400 }));
    const clusters = clusterPoints(points, keys(points.length), 1, 30);
    for (const a of clusters) {
      for (const b of clusters) {
        if (a !== b) expect(Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y))).to.be.at.least(30);
      }
    }
  });

  it('orders clusters west to east, then north to south', () => {
    const clusters = clusterPoints([{ x: 300, y: 0 }, { x: 100, y: 50 }, { x: 100, y: 10 }], keys(3), 1, 8);
    expect(westToEast(clusters).map((c) => c.key)).to.deep.equal(['p2', 'p1', 'p0']);
  });
});

describe('zoomToSeparate', () => {
  const points = [{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 500, y: 0 }];

  it('doubles the zoom until the point stands alone', () => {
    expect(zoomToSeparate(points, 0, 1, 256, 32)).to.equal(8);
    expect(zoomToSeparate(points, 2, 1, 256, 32)).to.equal(1);
  });

  it('stops at the deepest zoom for points at one spot', () => {
    expect(zoomToSeparate([{ x: 1, y: 1 }, { x: 1, y: 1 }], 0, 1, 64, 32)).to.equal(64);
  });
});

describe('inseparable', () => {
  it('is true only when no zoom up to the deepest would split the cluster', () => {
    expect(inseparable([{ x: 1, y: 1 }, { x: 1, y: 1 }], [0, 1], 256, 32)).to.equal(true);
    expect(inseparable([{ x: 0, y: 0 }, { x: 0.05, y: 0 }], [0, 1], 256, 32)).to.equal(true);
    expect(inseparable([{ x: 0, y: 0 }, { x: 1, y: 0 }], [0, 1], 256, 32)).to.equal(false);
  });
});
