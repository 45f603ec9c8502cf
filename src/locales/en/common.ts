/** English strings of every element: loading, errors and saved copies. The other languages' catalogues (../es.ts…) hold every part's keys. */
const common = {
  loading: 'Loading…',
  errorTitle: 'This content could not be loaded.',
  errorNoSource: 'No feed is set for this widget.',
  errorNetwork: 'The feed could not be reached ({detail}).',
  errorFormat: 'The feed could not be read ({detail}).',
  errorCode: 'Part of this widget could not be fetched ({detail}). Reload the page to try again.',
  staleNotice: 'Showing a saved copy from {date}; it may be out of date.',
  registration: 'Registration',
};

export default common;
