package de.quartierskredit.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The fund liability rule at its edges (DOMAIN.md step 6). */
class FundCapacityPolicyTest {

  private static BigDecimal euros(String amount) {
    return new BigDecimal(amount);
  }

  @Test
  void shouldAllowARequestWhenItUsesTheCapacityExactly() {
    var result = FundCapacityPolicy.assess("Kiel", euros("20000.00"), euros("95000.00"), euros("5000.00"));

    assertThat(result.ok()).isTrue();
    assertThat(result.capacity()).isEqualByComparingTo("100000.00");
    assertThat(result.free()).isEqualByComparingTo("5000.00");
    assertThat(result.reason()).startsWith("Freie Kapazität des Haftungsfonds Kiel: 5.000,00 EUR; beantragt: 5.000,00 EUR.");
  }

  @Test
  void shouldRefuseARequestWhenItIsOneCentOverTheFreeCapacity() {
    var result = FundCapacityPolicy.assess("Kiel", euros("20000.00"), euros("95000.00"), euros("5000.01"));

    assertThat(result.ok()).isFalse();
    assertThat(result.free()).isEqualByComparingTo("5000.00");
    assertThat(result.reason()).contains("beantragt: 5.000,01 EUR").contains("Es fehlen 0,01 EUR");
  }

  @Test
  void shouldHaveNoCapacityWhenNoCapitalIsPaidIn() {
    var result = FundCapacityPolicy.assess("Pforzheim", euros("0.00"), euros("0.00"), euros("500.00"));

    assertThat(result.ok()).isFalse();
    assertThat(result.capacity()).isEqualByComparingTo("0.00");
    assertThat(result.free()).isEqualByComparingTo("0.00");
  }

  @Test
  void shouldCountOutstandingAndReservedPrincipalTogetherWhenTheCallerSumsThem() {
    BigDecimal outstanding = euros("60000.00");
    BigDecimal reserved = euros("38800.00");
    var result = FundCapacityPolicy.assess("Leipzig", euros("20000.00"), outstanding.add(reserved), euros("5000.00"));

    assertThat(result.ok()).isFalse();
    assertThat(result.free()).isEqualByComparingTo("1200.00");
    assertThat(result.reason()).startsWith("Freie Kapazität des Haftungsfonds Leipzig: 1.200,00 EUR; beantragt: 5.000,00 EUR.");
  }

  @Test
  void shouldUseFiveTimesThePaidInCapitalAsCapacity() {
    var result = FundCapacityPolicy.assess("Offenbach", euros("25000.00"), BigDecimal.ZERO, euros("20000.00"));

    assertThat(FundCapacityPolicy.LEVERAGE_FACTOR).isEqualTo(5);
    assertThat(result.capacity()).isEqualByComparingTo("125000.00");
    assertThat(result.ok()).isTrue();
  }

  @Test
  void shouldSayThereIsNoCapacityWhenTheQuarterHasNoFund() {
    var result = FundCapacityPolicy.noFund("Pforzheim", euros("3000.00"));

    assertThat(result.ok()).isFalse();
    assertThat(result.reason()).contains("kein lokaler Haftungsfonds").contains("Pforzheim");
  }
}
