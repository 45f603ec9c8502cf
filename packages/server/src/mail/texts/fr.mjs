// @ts-check
/** Les mots des messages en français (traduction de en.mjs). */
export default {
  dir: 'ltr',
  subjectConfirmation: 'Vous êtes inscrit·e\u00a0: {title}',
  subjectWaitlist: 'Vous êtes sur la liste d’attente\u00a0: {title}',
  subjectPromotion: 'Une place s’est libérée\u00a0: vous êtes inscrit·e à {title}',
  subjectCancellation: 'Inscription annulée\u00a0: {title}',
  subjectReminder: 'Vous êtes déjà inscrit·e\u00a0: {title}',
  leadConfirmation: 'Vous êtes inscrit·e à {title}.',
  leadWaitlist: '{title} est complet. Vous êtes numéro {place} sur la liste d’attente\u00a0; nous vous écrirons si une place se libère pour vous.',
  leadPromotion: 'Une place s’est libérée et elle est pour vous\u00a0: vous êtes maintenant inscrit·e à {title}.',
  leadCancellation: 'Votre inscription à {title} est annulée.',
  leadReminderConfirmed: 'Quelqu’un, sans doute vous, a essayé d’inscrire de nouveau cette adresse à {title}. Vous êtes déjà inscrit·e\u00a0: rien n’a changé.',
  leadReminderWaitlisted: 'Quelqu’un, sans doute vous, a essayé d’inscrire de nouveau cette adresse à {title}. Vous êtes déjà sur la liste d’attente, numéro {place}\u00a0: rien n’a changé.',
  when: 'Quand',
  where: 'Où',
  fact: '{label}\u00a0: {value}',
  cancel: 'Vous ne pouvez pas venir\u00a0? Annulez ici, pour qu’une autre personne puisse prendre la place\u00a0:',
  calendar: 'Le fichier joint ajoute l’événement à votre agenda.',
  footer: 'Vous recevez ce message parce que cette adresse a servi à une inscription. Inutile de répondre.',
  untitled: 'Événement sans titre',
};
