import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { until } from 'lit/directives/until.js';
import { hasMarkup, plainText } from '../feed/text.js';
import { sanitizeHtml } from './sanitize.js';

/**
 * A feed description, ready to render: plain text as paragraphs, or markup after sanitizing.
 * While the sanitizer loads, the text shows without its tags, so nothing unsafe ever renders.
 * Each paragraph reads in its own direction (`dir="auto"`): a feed's English in an Arabic widget
 * keeps its punctuation where it belongs.
 */
export function renderDescription(text: string | undefined): TemplateResult | string {
  if (!text) return '';
  if (!hasMarkup(text)) {
    return html`${text.split(/\n{2,}/).map((para) => html`<p dir="auto">${para}</p>`)}`;
  }
  return html`<div dir="auto">${until(
    sanitizeHtml(text).then((clean) => unsafeHTML(clean)),
    html`<p>${plainText(text, 50_000)}</p>`,
  )}</div>`;
}
