package de.quartierskredit.loan;

/** The business behind an application: a new founder, a takeover, or an existing business. */
public enum BusinessStage { NEW_FOUNDER, TAKEOVER, EXISTING }
