// Quartierskredit: Cockpit configuration (replaces the webapp's default config.js, whose settings are
// all commented out). Scripts are plain ES modules served from the same origin, so they work under
// Cockpit's content security policy (no external scripts; data only from /api and Camunda's own API).
import { dateFormat, locales } from '../../quartierskredit/language.js';

export default {
  customScripts: [
    // what the logged-in person may change: marks the page so that styles/user-styles.css shows only
    // the actions the engine would accept from them
    'quartierskredit/permissions.js',
    // German dates: Cockpit ignores "dateFormat" below (see dates.js)
    '../quartierskredit/dates.js',
    // the portfolio against the 10 % standard, first on the dashboard
    'quartierskredit/portfolio-plugin.js',
    // "Kreditakte" on a loan's process instance: opens the loan file
    'quartierskredit/loan-file-plugin.js'
  ],
  // German unless the person chose English (see language.js)
  locales: locales(),
  dateFormat: dateFormat()
};
