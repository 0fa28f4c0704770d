package de.quartierskredit.application;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.application.EligibilityPolicy.Assessment;
import de.quartierskredit.application.EligibilityPolicy.Handicap;
import de.quartierskredit.application.EligibilityPolicy.Level;
import de.quartierskredit.application.EligibilityPolicy.Route;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityPolicyTest {

  private static Assessment microcredit(String amount) {
    return new Assessment(new BigDecimal(amount), true, Level.HIGH, Level.HIGH, true, false);
  }

  @Nested
  class AmountBounds {

    @ParameterizedTest
    @CsvSource({"499.99,false", "499,false", "500,true", "500.00,true", "20000,true", "20000.00,true",
        "20000.01,false", "20001,false", "0,false", "-500,false"})
    void shouldAcceptOnly500To20000EurosInclusive(String amount, boolean eligible) {
      var decision = EligibilityPolicy.decide(microcredit(amount));

      assertThat(decision.eligible()).isEqualTo(eligible);
      if (!eligible) {
        assertThat(decision.route()).isEqualTo(Route.NOT_ELIGIBLE);
        assertThat(decision.reason()).contains("500,00 EUR").contains("20.000,00 EUR");
      }
    }

    @Test
    void shouldRefuseAMissingAmount() {
      assertThat(EligibilityPolicy.amountWithinBounds(null)).isFalse();
    }
  }

  @Nested
  class TargetGroupMatrix {

    @ParameterizedTest
    @CsvSource({
        "HIGH,HIGH,MICROCREDIT",
        "HIGH,LOW,REFER_TO_BANK",
        "LOW,LOW,BANK_ONLY_IF_FULLY_SECURED",
        "LOW,HIGH,SOCIAL_PROJECT"})
    void shouldRouteByPotentialAndHandicap(Level potential, Level handicap, Route route) {
      var decision = EligibilityPolicy.decide(new Assessment(new BigDecimal("5000"), true, potential, handicap, true, false));

      assertThat(decision.route()).isEqualTo(route);
      assertThat(decision.reason()).isNotBlank();
    }

    @Test
    void shouldCountAnyNamedHandicapAsHigh() {
      assertThat(EligibilityPolicy.handicapLevel(EnumSet.noneOf(Handicap.class))).isEqualTo(Level.LOW);
      assertThat(EligibilityPolicy.handicapLevel(null)).isEqualTo(Level.LOW);
      for (Handicap handicap : Handicap.values()) {
        assertThat(EligibilityPolicy.handicapLevel(List.of(handicap))).isEqualTo(Level.HIGH);
      }
    }
  }

  @Test
  void shouldRefuseANonCommercialPurpose() {
    var decision = EligibilityPolicy.decide(new Assessment(new BigDecimal("5000"), false, Level.HIGH, Level.HIGH, true, false));

    assertThat(decision.route()).isEqualTo(Route.NOT_ELIGIBLE);
    assertThat(decision.reason()).contains("gewerbliche");
  }

  @Test
  void shouldKeepALoanOutsideTheQuartersEligibleAndSayWhoCarriesTheRisk() {
    var decision = EligibilityPolicy.decide(new Assessment(new BigDecimal("5000"), true, Level.HIGH, Level.HIGH, false, false));

    assertThat(decision.eligible()).isTrue();
    assertThat(decision.quarterLoan()).isFalse();
    assertThat(decision.warnings()).anyMatch(w -> w.contains("Mikrofinanzierer"));
  }

  @ParameterizedTest
  @CsvSource({"5000.00,false", "5000.01,true", "4999.99,false"})
  void shouldWarnAboutSgb2RecipientsAbove5000Euros(String amount, boolean warned) {
    var decision = EligibilityPolicy.decide(new Assessment(new BigDecimal(amount), true, Level.HIGH, Level.HIGH, true, true));

    assertThat(decision.warnings().stream().anyMatch(w -> w.contains("SGB-II"))).isEqualTo(warned);
    assertThat(decision.eligible()).isTrue();
  }

  @Test
  void shouldNotWarnWhenTheApplicantIsNoSgb2Recipient() {
    assertThat(EligibilityPolicy.decide(microcredit("15000")).warnings()).isEmpty();
  }
}
