package de.quartierskredit.fund;

/** A participating quarter (Quartier) of the network, e.g. {@code leipzig} / Leipzig. */
public record Quarter(String code, String name) {}
