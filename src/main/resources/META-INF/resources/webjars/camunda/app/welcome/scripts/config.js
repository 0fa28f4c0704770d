// Quartierskredit: Welcome configuration (replaces the webapp's default config.js, whose settings are
// all commented out, so nothing else of Camunda's defaults changes).
import { dateFormat, locales } from '../../quartierskredit/language.js';

export default {
  // "Sprache / Language" on the profile: where a person chooses English (or German again); German
  // dates: Welcome ignores "dateFormat" below (see dates.js)
  customScripts: ['quartierskredit/language-choice.js', '../quartierskredit/dates.js'],
  // German unless the person chose English (see language.js)
  locales: locales(),
  dateFormat: dateFormat()
};
