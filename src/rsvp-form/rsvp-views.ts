/**
 * What `<civic-rsvp-form>` loads beside its feed: the form (its view), its styles and its English
 * messages. Nothing here is needed before there is data.
 */
import rsvp from '../locales/en/rsvp.js';
import { styles } from './rsvp-form.styles.js';

export { RsvpFormView } from './rsvp-form-view.js';

/** The form's English strings join the page's with the code that uses them. */
export const messages = [rsvp];

export const partStyles = [styles];
