import { CivicEventCalendar } from './event-calendar.js';

export { CivicEventCalendar };

if (!customElements.get('civic-event-calendar')) customElements.define('civic-event-calendar', CivicEventCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'civic-event-calendar': CivicEventCalendar;
  }
}
