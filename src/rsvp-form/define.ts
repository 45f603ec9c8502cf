import { CivicRsvpForm } from './rsvp-form.js';

export { CivicRsvpForm };

if (!customElements.get('civic-rsvp-form')) customElements.define('civic-rsvp-form', CivicRsvpForm);

declare global {
  interface HTMLElementTagNameMap {
    'civic-rsvp-form': CivicRsvpForm;
  }
}
