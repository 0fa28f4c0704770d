package de.quartierskredit.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossAllocationPolicyTest {

  private static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  @Nested
  class QuarterLoan {

    @ParameterizedTest(name = "outstanding {0}, recovered {1}, capital {2}: fund {3}, national {4}")
    @CsvSource({
        "4000.00, 0.00, 20000.00, 4000.00, 0.00",       // zero recovery, all on the fund
        "4000.00, 4000.00, 20000.00, 0.00, 0.00",       // full recovery, no loss
        "4000.00, 5000.00, 20000.00, 0.00, 0.00",       // guarantors paid more than outstanding: no negative loss
        "4000.00, 1000.00, 3000.00, 3000.00, 0.00",     // loss exactly the fund's capital
        "4000.00, 999.99, 3000.00, 3000.00, 0.01",      // a cent over the capital goes to the national fund
        "4000.00, 0.00, 0.00, 0.00, 4000.00"})          // an emptied fund bears nothing
    void shouldChargeTheLocalFundUpToItsCapitalAndTheRestToTheNationalFund(String outstanding, String recovered,
        String capital, String fund, String national) {
      var allocation = LossAllocationPolicy.quarterLoan(eur(outstanding), eur(recovered), eur(capital));

      assertThat(allocation.localFund()).isEqualTo(eur(fund));
      assertThat(allocation.nationalFund()).isEqualTo(eur(national));
      assertThat(allocation.microfinancer()).isEqualTo(eur("0.00"));
      assertThat(allocation.loss()).isEqualTo(allocation.localFund().add(allocation.nationalFund()));
      assertThat(allocation.reason()).contains("lokaler Haftungsfonds");
    }
  }

  @Nested
  class OutsideTheQuarters {

    @ParameterizedTest(name = "loss {0}, total outstanding {1}, borne {2}: microfinancer {3}, national {4}")
    @CsvSource({
        "2000.00, 10000.00, 0.00, 2000.00, 0.00",       // exactly at the cap (20 % of 10,000)
        "2000.01, 10000.00, 0.00, 2000.00, 0.01",       // a cent over the cap
        "1000.00, 10000.00, 1500.00, 500.00, 500.00",   // earlier losses use up the cap
        "1000.00, 10000.00, 2500.00, 0.00, 1000.00",    // cap exceeded before: nothing more
        "2000.01, 10000.04, 0.00, 2000.00, 0.01",       // cap 2000.008 rounded down: never a cent over
        "0.00, 10000.00, 0.00, 0.00, 0.00"})            // nothing lost
    void shouldChargeTheMicrofinancerUpToTwentyPercentOfItsOutstandingMinusWhatItBore(String loss, String total,
        String borne, String microfinancer, String national) {
      var allocation = LossAllocationPolicy.outsideQuarters(eur(loss), eur("0.00"), eur(total), eur(borne));

      assertThat(allocation.microfinancer()).isEqualTo(eur(microfinancer));
      assertThat(allocation.nationalFund()).isEqualTo(eur(national));
      assertThat(allocation.localFund()).isEqualTo(eur("0.00"));
    }

    @Test
    void shouldLeaveNoLossWhenTheGuarantorsPaidEverything() {
      var allocation = LossAllocationPolicy.outsideQuarters(eur("3000.00"), eur("3000.00"), eur("50000.00"), eur("0.00"));

      assertThat(allocation.loss()).isEqualTo(eur("0.00"));
      assertThat(allocation.microfinancer()).isEqualTo(eur("0.00"));
      assertThat(allocation.nationalFund()).isEqualTo(eur("0.00"));
    }

    @Test
    void shouldSubtractWhatTheGuarantorsPaidBeforeAllocating() {
      var allocation = LossAllocationPolicy.outsideQuarters(eur("5000.00"), eur("1500.50"), eur("5000.00"), eur("0.00"));

      assertThat(allocation.loss()).isEqualTo(eur("3499.50"));
      assertThat(allocation.microfinancer()).isEqualTo(eur("1000.00"));
      assertThat(allocation.nationalFund()).isEqualTo(eur("2499.50"));
      assertThat(allocation.reason()).contains("Mikrofinanzierer trägt 1.000,00 EUR").contains("Mikrofinanzfonds Deutschland");
    }
  }
}
