package de.quartierskredit.audit;

/**
 * The result of recomputing a loan's audit chain: whether every entry still carries the hash of its
 * own fields and of its predecessor, how many entries were checked, and the first entry that does not
 * (its position in the loan's chain), with a German sentence saying so.
 */
public record ChainCheck(boolean intact, int entries, Integer firstBrokenSequenceNo, String message) {

  static ChainCheck intact(int entries) {
    return new ChainCheck(true, entries, null, entries == 0
        ? "Für diesen Kredit ist noch nichts im Prüfpfad verzeichnet."
        : "Der Prüfpfad ist unverändert: alle " + entries + " Einträge sind lückenlos verkettet.");
  }

  static ChainCheck brokenAt(int entries, int sequenceNo, String why) {
    return new ChainCheck(false, entries, sequenceNo,
        "Der Prüfpfad wurde verändert: Eintrag " + sequenceNo + " " + why + ".");
  }
}
