package de.quartierskredit.system.migration;

/** A migration request that cannot be understood (400). */
class InvalidMigrationRequestException extends RuntimeException {
  InvalidMigrationRequestException(String message) {
    super(message);
  }
}
