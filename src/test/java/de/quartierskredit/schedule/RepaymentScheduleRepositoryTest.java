package de.quartierskredit.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.schedule.AnnuitySchedule.Terms;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@QuartierskreditTest
class RepaymentScheduleRepositoryTest {

  @Autowired RepaymentScheduleRepository schedules;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldKeepTheOldVersionAndSupersedeItsOpenLinesWhenANewVersionIsStored() {
    long loanId = loans.register(new NewApplication("Jonas", "Keller", null, null, false, "Kiosk Keller",
        BusinessStage.EXISTING, "Handel", null, null, "Kiel", "kiel", "Kühltheke", new BigDecimal("3000")))
        .id();
    BigDecimal rate = new BigDecimal("0.0890");
    var first = schedules.storeNewVersion(loanId, new BigDecimal("3000.00"), rate, "Auszahlung",
        AnnuitySchedule.calculate(new Terms(new BigDecimal("3000.00"), rate, 12, LocalDate.of(2026, 4, 30))));

    var second = schedules.storeNewVersion(loanId, new BigDecimal("2500.00"), rate, "Pause wegen Krankheit",
        AnnuitySchedule.calculate(new Terms(new BigDecimal("2500.00"), rate, 12, LocalDate.of(2026, 8, 31), 2)));

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(schedules.findCurrent(loanId).orElseThrow()).satisfies(current -> {
      assertThat(current.version()).isEqualTo(2);
      assertThat(current.lines()).hasSize(14);
      assertThat(current.totalPrincipal()).isEqualByComparingTo("2500.00");
      assertThat(current.lines().get(1).dueOn()).isEqualTo(LocalDate.of(2026, 9, 30));
    });
    assertThat(schedules.countVersions(loanId)).isEqualTo(2);
    assertThat(jdbc.sql("""
            SELECT count(*) FROM repayment_schedule_line
            WHERE schedule_id = :id AND state = 'SUPERSEDED'""")
        .param("id", first.id()).query(Integer.class).single()).isEqualTo(12);
    assertThat(jdbc.sql("SELECT current FROM repayment_schedule WHERE id = :id")
        .param("id", first.id()).query(Boolean.class).single()).isFalse();
  }
}
