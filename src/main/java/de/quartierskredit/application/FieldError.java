package de.quartierskredit.application;

/** One rejected input field and what the caseworker should enter instead (German). */
public record FieldError(String field, String message) {}
