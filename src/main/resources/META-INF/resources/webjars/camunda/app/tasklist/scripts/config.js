// Quartierskredit: Tasklist configuration (replaces the webapp's default config.js; keeps its
// keyboard shortcuts). Tasklist is German for everyone unless the person chose English with the
// language link in the footer (quartierskredit/tasklist.js).
//
// How Camunda 7.24 picks the language: the first language the browser asks for, if it is one of
// `availableLocales`, else `fallbackLocale`; there is no stored choice of its own. So this file
// offers exactly one language, the person's choice from localStorage 'quartierskredit.language'
// ('en' or 'de', shared by all webapps of this origin), German when nothing was chosen: a browser
// asking for English still gets German until the person chooses English.

const LANGUAGE_KEY = 'quartierskredit.language';

function chosenLanguage() {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'de';
  } catch (storageBlocked) {
    return 'de';
  }
}

const language = chosenLanguage();
const german = language === 'de';

export default {
  customScripts: ['quartierskredit/tasklist.js'],
  locales: {
    availableLocales: [language],
    fallbackLocale: language
  },
  // moment.js formats; the German locale file writes dates as DD/MM/YYYY, so they are spelled out
  dateFormat: german
    ? {
        monthName: 'MMMM',
        day: 'DD',
        abbr: 'DD.MM.YYYY, HH:mm',
        normal: 'DD.MM.YYYY, HH:mm [Uhr]',
        long: 'dddd, DD.MM.YYYY, HH:mm [Uhr]',
        short: 'DD.MM.YYYY'
      }
    : {
        monthName: 'MMMM',
        day: 'DD',
        abbr: 'lll',
        normal: 'LLL',
        long: 'LLLL',
        short: 'LL'
      },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: german ? 'übernimmt die ausgewählte Aufgabe' : 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: german ? 'springt zum ersten Filter der Liste' : 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: german ? 'springt zur ersten Aufgabe der Liste' : 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: german ? 'springt zum ersten Eingabefeld des Formulars' : 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: german ? 'öffnet den Dialog „Prozess starten“' : 'opens the start process modal dialog'
    }
  }
};
