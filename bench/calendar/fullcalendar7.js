/** FullCalendar 7, the newest, with its classic theme (its CSS is put in the page by the harness). */
import 'temporal-polyfill/global';
import { Calendar } from 'fullcalendar7';
import dayGridPlugin from 'fullcalendar7/daygrid';
import timeGridPlugin from 'fullcalendar7/timegrid';
import listPlugin from 'fullcalendar7/list';
import classicThemePlugin from 'fullcalendar7/themes/classic';

const VIEWS = { month: 'dayGridMonth', week: 'timeGridWeek', list: 'listMonth' };

globalThis.benchFullCalendar7 = {
  mount(container, events, view, date) {
    const calendar = new Calendar(container, {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin, classicThemePlugin],
      initialView: VIEWS[view],
      initialDate: date,
      timeZone: 'UTC',
      events,
      dayMaxEvents: 3,
      eventMaxStack: 3,
      slotMinTime: '08:00:00',
      height: 'auto',
    });
    calendar.render();
    // The scale benchmark calls next() on the calendar last mounted.
    this.current = calendar;
    return () => calendar.destroy();
  },
};
