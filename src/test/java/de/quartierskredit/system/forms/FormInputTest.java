package de.quartierskredit.system.forms;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.shared.FieldError;
import de.quartierskredit.system.forms.FormInput.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The server's check of form input against the deployed forms themselves ({@code forms/}), at the
 * edges of each constraint the forms declare.
 */
class FormInputTest {

  private static FormSchema form(String name) {
    try {
      return FormSchema.parse(Files.readString(Path.of("forms", name + ".form")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final FormSchema ADVICE = form("advise-applicant");
  private static final FormSchema GUARANTORS = form("record-guarantors");
  private static final FormSchema CONTRACT = form("confirm-contract");
  private static final FormSchema START = form("loan-application-start");
  private static final FormSchema RESCHEDULING_APPROVAL = form("approve-rescheduling");

  private static Map<String, Object> values(Object... nameValue) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      values.put((String) nameValue[i], nameValue[i + 1]);
    }
    return values;
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  /** A complete application as the start form sends it, with {@code extra} changed. */
  private static Map<String, Object> start(Object... extra) {
    Map<String, Object> values = values("applicantFirstName", "Ayşe", "applicantLastName", "Demir", "businessName",
        "Schneiderei", "businessStage", "NEW_FOUNDER", "quarterCode", "offenbach", "loanPurpose", "Maschine",
        "loanAmount", 6000L);
    values.putAll(values(extra));
    return values;
  }

  private static Map<String, Object> advice(Object... extra) {
    Map<String, Object> values = values("adviceOutcome", "CONTINUE", "businessPotential", "HIGH");
    values.putAll(values(extra));
    return values;
  }

  @Nested
  class OnlyTheFormsFields {

    @Test
    void shouldTakeAnAdviceAsTasklistSendsIt() {
      assertThat(FormInput.check(ADVICE, advice("expectedMonthlyProfit", 1200L, "jobsCreatedOrKept", 2L,
          "handicapMigration", true, "commercialPurpose", true, "adviceNotes", "Gut vorbereitet", "reducedAmount", null),
          Map.of(), Purpose.SUBMIT)).isEmpty();
    }

    @Test
    void shouldRefuseEveryFieldTheFormDoesNotHaveNamingIt() {
      var errors = FormInput.check(ADVICE, advice("committeeGroup", "advisors-offenbach", "loanAmount", "600"),
          Map.of(), Purpose.SUBMIT);

      assertThat(fields(errors)).containsExactlyInAnyOrder("committeeGroup", "loanAmount");
      assertThat(errors).allSatisfy(e -> assertThat(e.message()).contains("gibt es im Formular nicht"));
    }

    @Test
    void shouldRefuseWhatTheFormOnlyShowsAsText() {
      // {{loanReference}} and {{loanAmountText}} are shown in the advice form's text, not entered
      assertThat(fields(FormInput.check(ADVICE, advice("loanReference", "QK-2026-000001"), Map.of(), Purpose.SUBMIT)))
          .containsExactly("loanReference");
    }

    @Test
    void shouldRefuseChangingAReadOnlyFieldButTakeItUnchanged() {
      var readOnly = RESCHEDULING_APPROVAL.fields().stream().filter(FormField::readOnly).findFirst().orElseThrow();
      Map<String, Object> current = values(readOnly.key(), "bisher");

      assertThat(FormInput.check(RESCHEDULING_APPROVAL, values(readOnly.key(), "neu"), current, Purpose.UPDATE))
          .extracting(FieldError::message).singleElement().asString().contains("nur angezeigt");
      assertThat(FormInput.check(RESCHEDULING_APPROVAL, values(readOnly.key(), "bisher"), current, Purpose.UPDATE))
          .isEmpty();
    }
  }

  @Nested
  class Constraints {

    @Test
    void shouldApplyMinAndMaxAtTheirEdges() {
      Map<String, Object> reduced = advice("adviceOutcome", "NEED_REDUCED");
      reduced.put("reducedAmount", 500L);
      assertThat(FormInput.check(ADVICE, reduced, Map.of(), Purpose.SUBMIT)).isEmpty();
      reduced.put("reducedAmount", 499.99d);
      assertThat(FormInput.check(ADVICE, reduced, Map.of(), Purpose.SUBMIT)).extracting(FieldError::message)
          .singleElement().asString().isEqualTo("„Neuer Kreditbetrag (EUR)“ muss mindestens 500 sein.");
      reduced.put("reducedAmount", 20000L);
      assertThat(FormInput.check(ADVICE, reduced, Map.of(), Purpose.SUBMIT)).isEmpty();
      reduced.put("reducedAmount", 20000.01d);
      assertThat(FormInput.check(ADVICE, reduced, Map.of(), Purpose.SUBMIT)).extracting(FieldError::message)
          .singleElement().asString().contains("höchstens 20.000");
    }

    @Test
    void shouldApplyDecimalDigits() {
      Map<String, Object> reduced = advice("adviceOutcome", "NEED_REDUCED");
      reduced.put("reducedAmount", 600.25d);
      assertThat(FormInput.check(ADVICE, reduced, Map.of(), Purpose.SUBMIT)).isEmpty();
      reduced.put("reducedAmount", "600.255");
      assertThat(FormInput.check(ADVICE, reduced, Map.of(), Purpose.SUBMIT)).extracting(FieldError::message)
          .singleElement().asString().contains("höchstens 2 Nachkommastellen");
      assertThat(FormInput.check(ADVICE, advice("jobsCreatedOrKept", 1.5d), Map.of(), Purpose.SUBMIT))
          .extracting(FieldError::message).singleElement().asString().contains("ganze Zahl");
    }

    @Test
    void shouldApplyMaxLengthAtItsEdge() {
      assertThat(FormInput.check(ADVICE, advice("adviceNotes", "x".repeat(2000)), Map.of(), Purpose.SUBMIT)).isEmpty();
      assertThat(FormInput.check(ADVICE, advice("adviceNotes", "x".repeat(2001)), Map.of(), Purpose.SUBMIT))
          .extracting(FieldError::message).singleElement().asString()
          .isEqualTo("„Notizen aus der Beratung“ darf höchstens 2.000 Zeichen lang sein (eingegeben: 2.001).");
    }

    @Test
    void shouldCapTextWithoutMaxLengthAtWhatAVariableHolds() {
      FormField free = new FormField("note", "textfield", "Notiz", false, null, null, null, null, null, null, null,
          false, null, false);
      FormSchema schema = FormSchema.parse("{\"components\":[{\"type\":\"textfield\",\"key\":\"note\",\"label\":\"Notiz\"}]}");
      assertThat(schema.fields()).containsExactly(free);
      assertThat(FormInput.check(schema, values("note", "x".repeat(4000)), Map.of(), Purpose.SUBMIT)).isEmpty();
      assertThat(FormInput.check(schema, values("note", "x".repeat(4001)), Map.of(), Purpose.SUBMIT)).hasSize(1);
    }

    @Test
    void shouldApplyThePatternWithoutShowingIt() {
      assertThat(FormInput.check(START, start("businessPostalCode", "63065"), Map.of(), Purpose.SUBMIT)).isEmpty();
      var errors = FormInput.check(START, start("businessPostalCode", "6306"), Map.of(), Purpose.SUBMIT);
      assertThat(fields(errors)).containsExactly("businessPostalCode");
      assertThat(errors.get(0).message()).isEqualTo("„PLZ“ hat nicht das erwartete Format.");
    }

    @Test
    void shouldTakeContractNumbersAsBanksWriteThem() {
      for (String number : List.of("GLS 4711", "GLS-2026/4711", "GLS-2026-4711", "KV.2026.0815", "4711")) {
        assertThat(FormInput.check(CONTRACT, values("contractNumber", number, "contractSignedOn", "01.12.2026"),
            Map.of(), Purpose.SUBMIT)).as(number).isEmpty();
      }
      for (String number : List.of(" GLS 4711", "GLS_4711", "GLS#4711", "Ü-4711", "GL")) {
        assertThat(fields(FormInput.check(CONTRACT, values("contractNumber", number, "contractSignedOn", "01.12.2026"),
            Map.of(), Purpose.SUBMIT))).as(number).containsExactly("contractNumber");
      }
    }

    @Test
    void shouldOfferOnlyTheFormsAnswers() {
      assertThat(fields(FormInput.check(ADVICE, advice("adviceOutcome", "APPROVE_MYSELF"), Map.of(), Purpose.SUBMIT)))
          .containsExactly("adviceOutcome");
    }

    @Test
    void shouldCheckTheTypeOfEachField() {
      assertThat(fields(FormInput.check(ADVICE, advice("handicapMigration", "ja", "expectedMonthlyProfit", "viel",
          "adviceNotes", 42L), Map.of(), Purpose.SUBMIT)))
          .containsExactlyInAnyOrder("handicapMigration", "expectedMonthlyProfit", "adviceNotes");
    }
  }

  @Nested
  class DateFields {

    private List<FieldError> signedOn(String date) {
      return FormInput.check(CONTRACT, values("contractNumber", "GLS 4711", "contractSignedOn", date), Map.of(),
          Purpose.SUBMIT);
    }

    @Test
    void shouldKnowTheFormsDateFields() {
      assertThat(CONTRACT.field("contractSignedOn")).get().extracting(FormField::date).isEqualTo(true);
      assertThat(form("confirm-disbursement").field("disbursedOn")).get().extracting(FormField::date).isEqualTo(true);
      assertThat(form("record-borrower-contact").field("contactedOn")).get().extracting(FormField::date).isEqualTo(true);
      assertThat(CONTRACT.field("contractNumber")).get().extracting(FormField::date).isEqualTo(false);
    }

    @Test
    void shouldTakeAGermanDateAndTheIsoDate() {
      assertThat(signedOn("01.12.2026")).isEmpty();
      assertThat(signedOn("1.12.2026")).isEmpty();
      assertThat(signedOn("2026-12-01")).isEmpty();
    }

    @Test
    void shouldRefuseADayThatDoesNotExistNamingTheLabelInGerman() {
      assertThat(signedOn("32.12.2026")).singleElement().satisfies(error -> {
        assertThat(error.field()).isEqualTo("contractSignedOn");
        assertThat(error.message()).isEqualTo("„Unterschrieben am“ ist kein gültiges Datum (eingegeben: „32.12.2026“)."
            + " Bitte als TT.MM.JJJJ eingeben, z. B. 01.12.2026.");
      });
      assertThat(signedOn("31.04.2026")).extracting(FieldError::field).containsExactly("contractSignedOn");
      assertThat(signedOn("29.02.2027")).extracting(FieldError::field).containsExactly("contractSignedOn");
    }

    @Test
    void shouldRefuseOtherSpellingsWithoutShowingAPattern() {
      for (String text : List.of("01.12.26", "12/01/2026", "1. Dezember 2026", "morgen")) {
        assertThat(signedOn(text)).as(text).singleElement().extracting(FieldError::message).asString()
            .contains("„Unterschrieben am“", "TT.MM.JJJJ").doesNotContain("\\d", "^", "[0-9]");
      }
    }

    @Test
    void shouldNotRepeatALongInput() {
      assertThat(signedOn("x".repeat(500))).singleElement().extracting(FieldError::message).asString()
          .doesNotContain("xxx").startsWith("„Unterschrieben am“ ist kein gültiges Datum.");
    }

    @Test
    void shouldReadADatePickersDayAsADate() {
      FormSchema picker = FormSchema.parse("{\"components\":[{\"type\":\"datetime\",\"key\":\"visitOn\","
          + "\"subtype\":\"date\",\"dateLabel\":\"Besuch am\"}]}");
      assertThat(picker.field("visitOn")).get().extracting(FormField::date).isEqualTo(true);
      assertThat(FormInput.check(picker, values("visitOn", "2026-12-01"), Map.of(), Purpose.SUBMIT)).isEmpty();
      assertThat(FormInput.check(picker, values("visitOn", "2026-12-32"), Map.of(), Purpose.SUBMIT)).hasSize(1);
    }
  }

  @Nested
  class RequiredWhileShown {

    @Test
    void shouldNameEveryMissingRequiredField() {
      assertThat(fields(FormInput.check(ADVICE, Map.of(), Map.of(), Purpose.SUBMIT)))
          .containsExactlyInAnyOrder("adviceOutcome", "businessPotential");
    }

    @Test
    void shouldNotDemandAFieldTheFormHides() {
      // "other financing" hides the potential; "need reduced" shows the reduced amount
      assertThat(FormInput.check(ADVICE, values("adviceOutcome", "OTHER_FINANCING"), Map.of(), Purpose.SUBMIT)).isEmpty();
      assertThat(fields(FormInput.check(ADVICE, advice("adviceOutcome", "NEED_REDUCED"), Map.of(), Purpose.SUBMIT)))
          .containsExactly("reducedAmount");
    }

    @Test
    void shouldCountWhatTheTaskAlreadyHoldsAndIgnoreRequiredWhenOnlySaving() {
      assertThat(FormInput.check(ADVICE, values("businessPotential", "LOW"), values("adviceOutcome", "CONTINUE"),
          Purpose.SUBMIT)).isEmpty();
      assertThat(FormInput.check(GUARANTORS, values("guarantor1Name", "Jonas Weber"), Map.of(), Purpose.UPDATE)).isEmpty();
    }

    @Test
    void shouldTreatBlankTextAsMissing() {
      assertThat(fields(FormInput.check(ADVICE, advice("businessPotential", "  "), Map.of(), Purpose.SUBMIT)))
          .contains("businessPotential");
    }
  }

  @Test
  void shouldReadEveryDeployedFormWithItsFieldsAndConditions() throws IOException {
    try (var forms = Files.list(Path.of("forms"))) {
      forms.forEach(file -> {
        FormSchema schema;
        try {
          schema = FormSchema.parse(Files.readString(file));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        assertThat(schema.formId()).as(file.toString()).isEqualTo(file.getFileName().toString().replace(".form", ""));
        for (FormField field : schema.fields()) {
          if (field.hideCondition() != null) {
            // every condition our forms use is understood (else a required field would go unchecked)
            FeelCondition.evaluate(field.hideCondition(), name -> null);
          }
        }
      });
    }
  }
}
