/**
 * .ics files for download links (the calendar's "Add to calendar", the RSVP form's confirmation):
 * each a Blob URL made from the writer's text, kept until its owner lets them all go, since a
 * Blob URL holds its file in memory until it is revoked.
 */
export class IcsFileUrls {
  private urls: string[] = [];

  /** A URL a link can download `text` from, as an iCalendar file. */
  add(text: string): string {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    this.urls.push(url);
    return url;
  }

  /** Lets every file made here go. */
  revoke(): void {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
  }
}
