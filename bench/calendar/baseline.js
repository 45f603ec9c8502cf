/**
 * The floor for the list view: the same events as one `innerHTML` string, grouped by day, each
 * with its time range (Intl, one formatter made once) and escaped title. No component, no state.
 */
const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

globalThis.benchInnerHtml = {
  mount(container, events) {
    const days = new Format('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' });
    const times = new Format('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' });
    const sorted = [...events].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    let html = '';
    let day = '';
    for (const e of sorted) {
      const date = e.start.slice(0, 10);
      if (date !== day) {
        html += `${day ? '</ul></section>' : ''}<section><h3><time datetime="${date}">${days.format(Date.parse(`${date}T00:00:00Z`))}</time></h3><ul>`;
        day = date;
      }
      const when = e.allDay ? 'All day' : times.formatRange(Date.parse(`${e.start}Z`), Date.parse(`${e.end}Z`));
      html += `<li><time datetime="${e.start}">${when}</time> <button type="button">${escape(e.title)}</button></li>`;
    }
    container.innerHTML = `<div>${html}${day ? '</ul></section>' : ''}</div>`;
    return () => container.replaceChildren();
  },
};
const Format = Intl.DateTimeFormat;
