package de.quartierskredit.loan;

/** Who carries a loan's credit risk: the quarter's local fund, or the microfinancer outside the quarters. */
public enum LiableParty { LOCAL_FUND, MICROFINANCER }
