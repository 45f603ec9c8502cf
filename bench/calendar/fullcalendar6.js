/** FullCalendar 6, its standard bundle (every plugin registered, its CSS injected by itself). */
import { Calendar } from 'fullcalendar6';

const VIEWS = { month: 'dayGridMonth', week: 'timeGridWeek', list: 'listMonth' };

globalThis.benchFullCalendar6 = {
  mount(container, events, view, date) {
    const calendar = new Calendar(container, {
      initialView: VIEWS[view],
      initialDate: date,
      timeZone: 'UTC',
      events,
      // The same "+N more" as ours: three rows a day, three events side by side.
      dayMaxEvents: 3,
      eventMaxStack: 3,
      slotMinTime: '08:00:00',
      height: 'auto',
    });
    calendar.render();
    return () => calendar.destroy();
  },
};
