/**
 * English strings of <civic-rsvp-form>'s answers: confirmed, waitlisted, full, and those kept for a
 * later page (rsvp-outcome.ts). They load with that code, after the form shows.
 */
const rsvpOutcome = {
  rsvpConfirmed: 'You are registered',
  rsvpConfirmedText: 'You are registered for {title} on {date}.',
  rsvpWaitlisted: 'You are on the waitlist',
  rsvpWaitlistPosition:
    'You are number {position} on the waitlist for {title}. The library will contact you if a seat opens up.',
  rsvpWaitlistText: 'You are on the waitlist for {title}. The library will contact you if a seat opens up.',
  rsvpAddToCalendar: 'Add to my calendar (.ics file)',
  rsvpRegisterAnother: 'Register someone else',
  rsvpFilledUpTitle: 'The event is full',
  rsvpFilledUp: 'Sorry, the event filled up before your registration arrived.',
  rsvpEventOn: '{title} on {date}',
  rsvpEventAllSessions: '{title} (all {count, plural, one {# session} other {# sessions}})',
  rsvpConfirmedSeries: 'You are registered for all {count, plural, one {# session} other {# sessions}} of {title}.',
  rsvpCancelHintSeries: 'If you cannot come, cancel so that someone else can take your place. Cancelling gives up all the sessions:',
  rsvpAlreadyTitle: 'You are already registered',
  rsvpAlreadyConfirmed: 'You were already registered for {event}, so nothing was added: your seat is confirmed.',
  rsvpAlreadyWaitlisted: 'You were already on the waitlist for {event}, so nothing was added.',
  rsvpCancelHint: 'If you cannot come, cancel so that someone else can take your place:',
  rsvpCancelLink: 'Cancel my registration',
  rsvpKeptConfirmed: 'Your registration saved on this device has been sent: you are registered for {event}.',
  rsvpKeptWaitlisted:
    'Your registration saved on this device has been sent: you are {position, plural, =0 {} other {number # }}on the waitlist for {event}. The library will contact you if a seat opens up.',
  rsvpKeptFull: 'Your registration for {event}, saved on this device, arrived after the event filled up: you are not registered.',
  rsvpNotAcceptedTitle: 'Your registration was not accepted',
  rsvpKeptInvalid: 'Your registration for {event}, saved on this device, was not accepted. Please register again, with these answers corrected:',
  rsvpKeptRefused: 'Your registration for {event}, saved on this device, was not accepted (error {status}).',
  rsvpDismiss: 'Hide this message',
};

export default rsvpOutcome;
