package de.quartierskredit.system.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.fund.LocalFund;
import de.quartierskredit.shared.Roles;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  @Test
  void shouldHaveADemoUserForEveryRole() {
    assertThat(DemoData.USERS).extracting(DemoData.DemoUser::group).contains(
        Roles.advisors("offenbach"), Roles.advisors("leipzig"), Roles.MICROFINANCER,
        Roles.committee("offenbach"), Roles.BANK, Roles.MANAGERS);
  }

  @Test
  void shouldGiveEveryQuarterAFundBetween20And25ThousandEuros() {
    assertThat(DemoData.FUNDS).extracting(DemoData.DemoFund::quarter).containsExactlyInAnyOrder(
        "offenbach", "duisburg", "gelsenkirchen", "leipzig", "nuernberg", "kiel", "pforzheim");
    for (DemoData.DemoFund fund : DemoData.FUNDS) {
      BigDecimal capital = fund.partners("X").stream()
          .map(LocalFund.Partner::contribution)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(capital).as(fund.quarter()).isBetween(new BigDecimal("20000"), new BigDecimal("25000"));
    }
  }
}
