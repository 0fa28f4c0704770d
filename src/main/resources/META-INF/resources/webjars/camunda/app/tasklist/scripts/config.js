// Quartierskredit: Tasklist configuration (replaces the webapp's default config.js; keeps its
// keyboard shortcuts). Scripts are plain ES modules served from the same origin, so they work under
// Tasklist's content security policy.
//
// Language: German for everyone, also for a browser that asks for English, until the person chooses
// English (the link in Tasklist's footer, or Welcome's "Sprache / Language"); the rule and the German
// date formats are shared with Cockpit, Admin and Welcome (../../quartierskredit/language.js).
import { chosenLanguage, dateFormat, GERMAN, locales } from '../../quartierskredit/language.js';

const german = chosenLanguage() === GERMAN;

export default {
  customScripts: [
    // form-js's messages in German, the language link, the loan reference after a start
    'quartierskredit/tasklist.js',
    // the links to the loan file and documents at the top of each task form open in a new tab
    'quartierskredit/loan-links.js'
  ],
  locales: locales(),
  dateFormat: dateFormat(),
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
