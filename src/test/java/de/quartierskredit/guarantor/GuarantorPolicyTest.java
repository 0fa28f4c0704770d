package de.quartierskredit.guarantor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GuarantorPolicyTest {

  private final GuarantorPolicy policy = new GuarantorPolicy();

  private static Guarantor guarantor(int slot, String amount) {
    return new Guarantor(slot, "Bürge " + slot, "0151 000000" + slot, Money.euros(amount));
  }

  private GuarantorPolicy.Decision decide(String loanAmount, Guarantor... guarantors) {
    return policy.decide(Money.euros(loanAmount), List.of(guarantors));
  }

  @Nested
  class Coverage {

    @Test
    void shouldBeSufficientWhenTwoGuarantorsCoverExactlyHalf() {
      var decision = decide("5000.00", guarantor(1, "1500.00"), guarantor(2, "1000.00"));

      assertThat(decision.sufficient()).isTrue();
      assertThat(decision.covered()).isEqualTo(Money.euros("2500.00"));
      assertThat(decision.required()).isEqualTo(Money.euros("2500.00"));
      assertThat(decision.reason()).isEqualTo(
          "Die Bürgschaften decken 2.500,00 EUR; nötig ist mindestens die Hälfte des Kreditbetrags: 2.500,00 EUR.");
    }

    @Test
    void shouldBeInsufficientWhenOneCentIsMissing() {
      var decision = decide("5000.00", guarantor(1, "1500.00"), guarantor(2, "999.99"));

      assertThat(decision.sufficient()).isFalse();
      assertThat(decision.covered()).isEqualTo(Money.euros("2499.99"));
      assertThat(decision.reason()).isEqualTo(
          "Die Bürgschaften decken 2.499,99 EUR; nötig ist mindestens die Hälfte des Kreditbetrags: 2.500,00 EUR.");
    }

    @Test
    void shouldBeSufficientWhenThreeGuarantorsCoverMoreThanHalf() {
      var decision = decide("20000.00", guarantor(1, "4000"), guarantor(2, "4000"), guarantor(3, "2000.01"));

      assertThat(decision.sufficient()).isTrue();
      assertThat(decision.covered()).isEqualTo(Money.euros("10000.01"));
    }

    @Test
    void shouldNotRoundHalfInTheApplicantsFavourWhenLoanAmountIsOdd() {
      // half of 999.99 is 499.995: 499.99 falls short, 500.00 is the least that covers it
      assertThat(decide("999.99", guarantor(1, "250.00"), guarantor(2, "249.99")).sufficient()).isFalse();
      var decision = decide("999.99", guarantor(1, "250.00"), guarantor(2, "250.00"));

      assertThat(decision.sufficient()).isTrue();
      assertThat(decision.required()).isEqualTo(Money.euros("500.00"));
    }
  }

  @Nested
  class NumberOfGuarantors {

    @Test
    void shouldBeInsufficientWhenOneGuarantorCoversEverything() {
      var decision = decide("5000.00", guarantor(1, "5000.00"));

      assertThat(decision.sufficient()).isFalse();
      assertThat(decision.reason()).isEqualTo("Es sind mindestens 2 Bürgen nötig; erfasst: 1.");
      assertThat(decision.covered()).isEqualTo(Money.euros("5000.00"));
    }

    @Test
    void shouldBeInsufficientWhenNoGuarantorIsRecorded() {
      var decision = decide("5000.00");

      assertThat(decision.sufficient()).isFalse();
      assertThat(decision.reason()).isEqualTo("Es sind mindestens 2 Bürgen nötig; erfasst: 0.");
      assertThat(decision.covered()).isEqualTo(Money.ZERO);
    }
  }

  @Nested
  class IncompleteGuarantor {

    @Test
    void shouldNameTheSlotWhenNameIsBlank() {
      var decision = decide("5000.00", guarantor(1, "2500"),
          new Guarantor(2, "  ", "0151 2", Money.euros("2500")));

      assertThat(decision.sufficient()).isFalse();
      assertThat(decision.reason()).isEqualTo("Bürge 2: Name fehlt.");
    }

    @Test
    void shouldNameTheSlotWhenContactIsBlank() {
      var decision = decide("5000.00", new Guarantor(1, "Ayşe Demir", "", Money.euros("2500")),
          guarantor(2, "2500"));

      assertThat(decision.sufficient()).isFalse();
      assertThat(decision.reason()).isEqualTo("Bürge 1: Kontakt (Telefon, E-Mail oder Anschrift) fehlt.");
    }

    @Test
    void shouldBeInsufficientWhenAnAmountIsZero() {
      var decision = decide("5000.00", guarantor(1, "5000"), guarantor(2, "0"));

      assertThat(decision.sufficient()).isFalse();
      assertThat(decision.reason()).isEqualTo("Bürge 2: Bürgschaftsbetrag muss größer als 0,00 EUR sein (erfasst: 0,00 EUR).");
    }

    @Test
    void shouldBeInsufficientWhenAnAmountIsNegative() {
      var decision = decide("5000.00", guarantor(1, "5000"), guarantor(2, "-100"));

      assertThat(decision.sufficient()).isFalse();
      assertThat(decision.reason()).contains("Bürge 2: Bürgschaftsbetrag muss größer als 0,00 EUR sein");
      assertThat(decision.covered()).isEqualTo(Money.euros("5000.00"));
    }

    @Test
    void shouldBeInsufficientWhenAnAmountIsMissing() {
      var decision = decide("5000.00", guarantor(1, "5000"), new Guarantor(2, "Jonas Weber", "Kiel", null));

      assertThat(decision.sufficient()).isFalse();
      assertThat(decision.reason()).isEqualTo("Bürge 2: Bürgschaftsbetrag fehlt oder ist keine Zahl.");
    }

    @Test
    void shouldListEveryProblemWhenSeveralSlotsAreIncomplete() {
      var decision = decide("5000.00", new Guarantor(1, "", "", null), new Guarantor(3, "X", "", Money.euros("1")));

      assertThat(decision.reason()).isEqualTo("Bürge 1: Name fehlt. "
          + "Bürge 1: Kontakt (Telefon, E-Mail oder Anschrift) fehlt. "
          + "Bürge 1: Bürgschaftsbetrag fehlt oder ist keine Zahl. "
          + "Bürge 3: Kontakt (Telefon, E-Mail oder Anschrift) fehlt.");
    }

    @Test
    void shouldBeInsufficientWhenNameDoesNotFitTheRecord() {
      var decision = decide("5000.00", guarantor(1, "2500"),
          new Guarantor(2, "x".repeat(201), "Kiel", Money.euros("2500")));

      assertThat(decision.reason()).isEqualTo("Bürge 2: Name ist länger als 200 Zeichen.");
    }
  }

  @Nested
  class LoanAmount {

    @Test
    void shouldRejectLoanAmountThatIsNotPositive() {
      assertThatThrownBy(() -> policy.requiredCoverage(BigDecimal.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> policy.requiredCoverage(null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldNotDependOnSpringOrCamunda() {
    var classes = new ClassFileImporter().importClasses(GuarantorPolicy.class,
        GuarantorPolicy.Decision.class, Guarantor.class, Money.class);

    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.camunda..")
        .check(classes);
  }
}
