// @ts-check
/** The messages' words in English: the reference every other catalogue translates. */
export default {
  dir: 'ltr',
  subjectConfirmation: 'You are registered: {title}',
  subjectWaitlist: 'You are on the waitlist: {title}',
  subjectPromotion: 'A place opened up: you are registered for {title}',
  subjectCancellation: 'Registration cancelled: {title}',
  subjectReminder: 'You are already registered: {title}',
  leadConfirmation: 'You are registered for {title}.',
  leadWaitlist: '{title} is full. You are number {place} on the waitlist; we will write again if a place opens up for you.',
  leadPromotion: 'A place opened up and it is yours: you are now registered for {title}.',
  leadCancellation: 'Your registration for {title} is cancelled.',
  leadReminderConfirmed: 'Someone, probably you, tried to register this email address for {title} again. You are already registered: nothing has changed.',
  leadReminderWaitlisted: 'Someone, probably you, tried to register this email address for {title} again. You are already on the waitlist, number {place}: nothing has changed.',
  when: 'When',
  where: 'Where',
  fact: '{label}: {value}',
  cancel: 'Cannot come? Cancel here, so that someone else can have the place:',
  calendar: 'The attached file adds the event to your calendar.',
  footer: 'You receive this message because this email address was used to register. No reply is needed.',
  untitled: 'Untitled event',
};
