package de.quartierskredit.committee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The committee's dossier always fits a string process variable (4,000 characters). */
class CommitteeDossierLengthTest {

  @Test
  void shouldKeepAnOrdinaryDossierWhole() {
    String dossier = "### Kreditantrag QK-2026-000001\n\n- **Betrag:** 5.000,00 EUR\n";

    assertThat(CommitteeDossier.fitForAVariable(dossier)).isEqualTo(dossier);
  }

  @Test
  void shouldShortenAnOverlongDossierAndSaySo() {
    String dossier = "### Kreditantrag\n\n" + "Sehr lange Antwort. ".repeat(600);

    String fitted = CommitteeDossier.fitForAVariable(dossier);

    assertThat(fitted.length()).isLessThanOrEqualTo(4000);
    assertThat(fitted).startsWith("### Kreditantrag").endsWith("stehen im Prozessverlauf)");
  }
}
