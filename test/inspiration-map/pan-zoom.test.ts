import { expect } from 'chai';
import { centredOn, clampView, HOME, viewOfBox, zoomAround } from '../../src/inspiration-map/pan-zoom.js';

describe('view arithmetic', () => {
  it('zooms around a point, which stays where it was on screen', () => {
    const view = zoomAround(HOME, 2, 100, 50);
    expect(view).to.deep.equal({ k: 2, x: -100, y: -50 });
    expect((100 - view.x) / view.k).to.equal(100);
  });

  it('keeps the fitted map in the viewport: no zooming out past it, no panning off it', () => {
    expect(clampView({ k: 0.5, x: 10, y: 10 }, 600, 400, 64)).to.deep.equal(HOME);
    expect(clampView({ k: 2, x: 50, y: -1000 }, 600, 400, 64)).to.deep.equal({ k: 2, x: 0, y: -400 });
    expect(clampView({ k: 500, x: 0, y: 0 }, 600, 400, 64).k).to.equal(64);
  });

  it('centres a base point at a zoom', () => {
    const view = centredOn(150, 100, 4, 600, 400);
    expect([150 * view.k + view.x, 100 * view.k + view.y]).to.deep.equal([300, 200]);
  });

  it('fits a box with padding, no further than the deepest zoom', () => {
    const view = viewOfBox([100, 100, 200, 150], 600, 400, 50, 64);
    expect(view.k).to.equal(5);
    expect(viewOfBox([10, 10, 10, 10], 600, 400, 50, 64).k).to.equal(64);
  });
});
