/**
 * The languages we have words in: the widgets' catalogues (src/locales) and the server's messages
 * (packages/server/src/mail/texts). A patron's language is kept only when it is one of these.
 */
export const LANGUAGES = ['en', 'es', 'fr', 'zh', 'ar'] as const;

/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];
