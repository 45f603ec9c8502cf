/** English strings of the calendar's Share and Subscribe panel, loaded with the dialog's code (event-dialog.ts). */
const calendarSharing = {
  calShare: 'Share',
  calCopyLink: 'Copy link',
  calLinkCopied: 'Link copied.',
  calCopyThisLink: 'Copy this link:',
  calSubscribeHint: 'Add this calendar to your calendar app: new events appear there as they are published.',
  calSubscribeApple: 'Apple Calendar and other apps',
  calSubscribeOffice: 'Microsoft 365 (work or school)',
  calSubscribeAddress: 'Calendar address (.ics)',
};

export default calendarSharing;
