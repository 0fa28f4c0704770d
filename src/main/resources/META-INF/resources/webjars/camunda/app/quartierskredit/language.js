// Quartierskredit: the language of Camunda's webapps, shared by the apps' scripts/config.js.
//
// How Camunda 7.24 picks a language (read in the webjar's bootstrap code): angular-translate's
// determinePreferredLanguage takes the first language the browser asks for (navigator.languages[0],
// e.g. "en" from "en-US") if it is one of config.locales.availableLocales, and otherwise
// config.locales.fallbackLocale. There is no language menu and no stored choice of its own.
//
// Our rule: German for everyone, English only for a person who chose it (Welcome, "Mein Profil",
// "Sprache"). The choice is kept in this browser's localStorage under STORAGE_KEY, shared by all four
// apps (same origin). Each app is offered exactly one language, the chosen one or German, so neither the
// browser's language nor the fallback can override the choice.

export const STORAGE_KEY = 'quartierskredit.language';
export const GERMAN = 'de';
export const ENGLISH = 'en';

/** 'en' if this browser's user chose English, else 'de' (also when localStorage is unavailable). */
export function chosenLanguage() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === ENGLISH ? ENGLISH : GERMAN;
  } catch (unavailable) {
    return GERMAN;
  }
}

/** Stores the choice; the apps read it on their next page load. */
export function chooseLanguage(language) {
  window.localStorage.setItem(STORAGE_KEY, language === ENGLISH ? ENGLISH : GERMAN);
}

/** The config.js "locales" entry: only the chosen language is available, and it is the fallback. */
export function locales() {
  const language = chosenLanguage();
  document.documentElement.lang = language;
  return { availableLocales: [language], fallbackLocale: language };
}

// Camunda's defaults are moment's localised long formats ('LLL': "2. Dezember 2026 04:35"); German
// offices write 02.12.2026. The same formats as Tasklist's config.js.
const GERMAN_DATES = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD.MM.YYYY, HH:mm',
  normal: 'DD.MM.YYYY, HH:mm [Uhr]',
  long: 'dddd, DD.MM.YYYY, HH:mm [Uhr]',
  short: 'DD.MM.YYYY'
};

/** The config.js "dateFormat" entry: German formats, or Camunda's defaults for English. */
export function dateFormat() {
  return chosenLanguage() === GERMAN ? { ...GERMAN_DATES } : undefined;
}
