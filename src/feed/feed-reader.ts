/**
 * Loads the feed reader (./read-feed.ts) once, on demand: a feed request starts it at the same
 * moment as its fetch, so the two travel side by side.
 */
type Reader = typeof import('./read-feed.js');

let ready: Reader | undefined;
let pending: Promise<Reader> | undefined;

/** The reader, loading it if need be; a failed load is tried again on the next call. */
export function feedReader(): Promise<Reader> {
  pending ??= import('./read-feed.js').then(
    (reader) => (ready = reader),
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** The reader, if it has loaded. */
export function loadedReader(): Reader | undefined {
  return ready;
}
