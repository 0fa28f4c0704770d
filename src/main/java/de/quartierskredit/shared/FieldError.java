package de.quartierskredit.shared;

/** One rejected input field and what the caseworker should enter instead (German). */
public record FieldError(String field, String message) {}
