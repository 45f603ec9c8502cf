import type { Catalogue } from './en.js';

/** Spanish strings. */
const es: Catalogue = {
  loading: 'Cargando…',
  errorTitle: 'No se pudo cargar este contenido.',
  errorNoSource: 'Este widget no tiene una fuente de datos.',
  errorNetwork: 'No se pudo acceder a la fuente de datos ({detail}).',
  errorFormat: 'No se pudo leer la fuente de datos ({detail}).',
  staleNotice: 'Se muestra una copia guardada del {date}; puede no estar actualizada.',
  skippedNotice: '{count, plural, one {# elemento} other {# elementos}} de la fuente no se pudieron mostrar.',
  retry: 'Reintentar',
  upcomingEvents: '{count, plural, =0 {No hay próximos eventos} one {# próximo evento} other {# próximos eventos}}',
  groupsCount: '{count, plural, =0 {No hay grupos} one {# grupo} other {# grupos}}',
  resourcesCount: '{count, plural, =0 {No hay recursos} one {# recurso} other {# recursos}}',
  placesCount: '{count, plural, =0 {No hay lugares} one {# lugar} other {# lugares}}',
  rsvpFor: 'Inscribirse en {title}',
  rsvpNoEvent: 'Elija un evento para inscribirse.',
  eventsCalendar: 'Calendario de eventos',
  groupFinder: 'Grupos de usuarios de datos',
  resourceList: 'Recursos',
  inspirationMap: 'Lugares de los que aprender',
  registration: 'Inscripción',
};
export default es;
