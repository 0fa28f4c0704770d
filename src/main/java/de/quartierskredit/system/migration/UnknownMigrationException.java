package de.quartierskredit.system.migration;

/** The process version or batch a migration request names does not exist (404). */
class UnknownMigrationException extends RuntimeException {
  UnknownMigrationException(String message) {
    super(message);
  }
}
