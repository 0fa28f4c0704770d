// Quartierskredit: Admin configuration (replaces the webapp's default config.js, whose settings are
// all commented out, so nothing else of Camunda's defaults changes).
import { dateFormat, locales } from '../../quartierskredit/language.js';

export default {
  // German dates: Admin ignores "dateFormat" below (see dates.js)
  customScripts: ['../quartierskredit/dates.js'],
  // German unless the person chose English (see language.js)
  locales: locales(),
  dateFormat: dateFormat()
};
