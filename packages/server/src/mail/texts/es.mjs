// @ts-check
/** Las palabras de los mensajes en español (traducción de en.mjs). */
export default {
  dir: 'ltr',
  subjectConfirmation: 'Tiene una plaza: {title}',
  subjectWaitlist: 'Está en la lista de espera: {title}',
  subjectPromotion: 'Se liberó una plaza: está inscrito en {title}',
  subjectCancellation: 'Inscripción cancelada: {title}',
  subjectReminder: 'Ya está inscrito: {title}',
  leadConfirmation: 'Está inscrito en {title}.',
  leadWaitlist: '{title} está completo. Tiene el número {place} en la lista de espera; le escribiremos de nuevo si se libera una plaza para usted.',
  leadPromotion: 'Se liberó una plaza y es suya: ahora está inscrito en {title}.',
  leadCancellation: 'Su inscripción en {title} está cancelada.',
  leadReminderConfirmed: 'Alguien, probablemente usted, intentó inscribir de nuevo esta dirección de correo en {title}. Ya está inscrito: no ha cambiado nada.',
  leadReminderWaitlisted: 'Alguien, probablemente usted, intentó inscribir de nuevo esta dirección de correo en {title}. Ya está en la lista de espera, con el número {place}: no ha cambiado nada.',
  when: 'Cuándo',
  where: 'Dónde',
  fact: '{label}: {value}',
  cancel: '¿No puede venir? Cancele aquí, para que otra persona pueda ocupar la plaza:',
  calendar: 'El archivo adjunto añade el evento a su calendario.',
  footer: 'Recibe este mensaje porque esta dirección de correo se usó para inscribirse. No hace falta responder.',
  untitled: 'Evento sin título',
};
