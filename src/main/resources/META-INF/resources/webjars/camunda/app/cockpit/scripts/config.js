// Quartierskredit: Cockpit configuration (replaces the webapp's default config.js).
// The portfolio dashboard plugin is a plain ES module served from the same origin, so it works
// under Cockpit's content security policy (no external scripts, data only from /api/portfolio).
export default {
  customScripts: ['quartierskredit/portfolio-plugin.js'],
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
