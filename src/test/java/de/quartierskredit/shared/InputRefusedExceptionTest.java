package de.quartierskredit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a person reads of a refusal: one sentence per field, named by its label, never by its key. */
class InputRefusedExceptionTest {

  private static final Map<String, String> LABELS = Map.of(
      "disbursedAmount", "Ausgezahlter Betrag (EUR)", "disbursedOn", "Valutadatum");

  @Test
  void shouldNameEachFieldByItsLabelOneSentenceEach() {
    var refused = new InputRefusedException(List.of(
        new FieldError("disbursedAmount", "7.500,00 EUR weicht vom bewilligten Betrag von 8.000,00 EUR ab"),
        new FieldError("disbursedOn", "01.12.2026 liegt in der Zukunft.")));

    assertThat(refused.sentences(LABELS::get)).isEqualTo("„Ausgezahlter Betrag (EUR)“: 7.500,00 EUR weicht vom "
        + "bewilligten Betrag von 8.000,00 EUR ab. „Valutadatum“: 01.12.2026 liegt in der Zukunft.");
    assertThat(refused.fields()).containsExactly("disbursedAmount", "disbursedOn");
  }

  @Test
  void shouldNeverShowAKeyAndNotRepeatALabelTheMessageAlreadyQuotes() {
    var refused = new InputRefusedException(List.of(
        new FieldError("disbursedOn", "„Valutadatum“ fehlt."),
        new FieldError("loanReference", "Kein Kredit mit dem Aktenzeichen QK-2026-999999."),
        new FieldError(null, "Eine Bewilligung braucht mehr Stimmen dafür als dagegen.")));

    assertThat(refused.sentences(LABELS::get)).isEqualTo("„Valutadatum“ fehlt. Kein Kredit mit dem Aktenzeichen "
        + "QK-2026-999999. Eine Bewilligung braucht mehr Stimmen dafür als dagegen.");
    assertThat(refused.getMessage()).doesNotContain("loanReference", "disbursedOn", ":");
  }

  @Test
  void shouldSayTheSameOnlyOnce() {
    var refused = new InputRefusedException(List.of(
        new FieldError("a", "Bitte ausfüllen."), new FieldError("a", "Bitte ausfüllen.")));

    assertThat(refused.getMessage()).isEqualTo("Bitte ausfüllen.");
  }
}
