import { expect } from 'chai';
import { tileTemplate } from '../../src/inspiration-map/tile-template.js';

describe('tileTemplate (which tiles a map may load)', () => {
  it('takes http(s) URL templates and image data: URLs, as written', () => {
    const https = 'https://tiles.example.org/{z}/{x}/{y}.png';
    expect(tileTemplate(` ${https} `, 'Tiles © Example')).to.equal(https);
    expect(tileTemplate('http://localhost:8080/{z}/{x}/{y}.png', 'Local')).to.equal('http://localhost:8080/{z}/{x}/{y}.png');
    expect(tileTemplate('/tiles/{z}/{x}/{y}.png', 'Ours'), 'relative to the page').to.equal('/tiles/{z}/{x}/{y}.png');
    expect(tileTemplate('data:image/png;base64,iVBORw0KGgo=', 'Blank')).to.equal('data:image/png;base64,iVBORw0KGgo=');
  });

  it('refuses anything else, so the built-in map is drawn', () => {
    for (const bad of ['javascript:alert(1)//{z}', 'data:text/html,<script>alert(1)</script>', 'ftp://tiles.example.org/{z}/{x}/{y}.png', '', '   ', undefined]) {
      expect(tileTemplate(bad, 'x'), String(bad)).to.equal(undefined);
    }
  });
});
