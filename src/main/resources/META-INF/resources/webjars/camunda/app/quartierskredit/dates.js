// Quartierskredit: German dates in Cockpit, Admin and Welcome (02.12.2026, 14:05:09 instead of
// Cockpit's 2026-12-02T14:05:09 or Admin's "2. Dezember 2026 14:05").
//
// Of Camunda 7.24's webapps only Tasklist reads the "dateFormat" of config.js: Cockpit sets its date
// formats in an Angular config block of its own ("normal" being ISO), Admin and Welcome keep the
// built-in defaults. Camunda bootstraps each app with its module for custom code, cam.<app>.custom,
// after the app's own module, so a config block added there runs later and sets the formats of
// language.js (German unless English was chosen). Listed in customScripts as '../quartierskredit/dates.js'.
import { dateFormat } from './language.js';

const formats = dateFormat();
const app = document.querySelector('base').getAttribute('app-name');
if (formats) {
  try {
    window.angular.module('cam.' + app + '.custom').config(['camDateFormatProvider', (dates) => {
      // operations want times to the second (when a job ran, when an incident occurred)
      Object.entries({ ...formats, normal: 'DD.MM.YYYY, HH:mm:ss' })
        .forEach(([name, format]) => dates.setDateFormat(format, name));
    }]);
  } catch (changedCamunda) {
    console.warn('Quartierskredit: ' + app + ' keeps its own date formats', changedCamunda);
  }
}
