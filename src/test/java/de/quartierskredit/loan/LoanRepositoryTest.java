package de.quartierskredit.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The loan row's writes keep to {@link LoanLifecycle} and are applied once. */
@QuartierskreditTest
class LoanRepositoryTest {

  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;

  /** Outside the quarters, so that no quarter's fund figures in other tests move. */
  private Loan application() {
    return loans.register(new NewApplication("Mira", "Schulz", null, null, false, "Café Schulz",
        BusinessStage.NEW_FOUNDER, "Gastronomie", null, null, "Bremen", null, "Espressomaschine",
        new BigDecimal("4000")));
  }

  private Loan loan(String reference) {
    return loans.findByReference(reference).orElseThrow();
  }

  @Test
  void shouldRefuseATransitionTheLifecycleForbidsEvenWhenTheCallerListsIt() {
    Loan loan = application();

    assertThatThrownBy(() -> loans.transition(loan.reference(), Set.of(LoanState.APPLIED), LoanState.ACTIVE, null))
        .isInstanceOf(IllegalLoanStateException.class)
        .hasMessageContaining("is APPLIED, cannot become ACTIVE");
    assertThat(loan(loan.reference())).satisfies(unchanged -> {
      assertThat(unchanged.state()).isEqualTo(LoanState.APPLIED);
      assertThat(unchanged.version()).isEqualTo(loan.version());
    });
  }

  @Test
  void shouldEndOnlyFromStatesTheLifecycleAllowsForThatEnd() {
    Loan loan = application();
    LoanTestStates.activate(loans, loan.reference());
    var endable = EnumSet.of(LoanState.APPLIED, LoanState.APPROVED, LoanState.CONTRACTED, LoanState.ACTIVE);

    assertThatThrownBy(() -> loans.end(loan.reference(), endable, LoanState.ENDED_BY_ADVICE, "Beratung"))
        .isInstanceOf(IllegalLoanStateException.class);
    assertThat(loan(loan.reference()).state()).isEqualTo(LoanState.ACTIVE);
  }

  @Test
  void shouldRecordTheContractOnceAndDisburseTheWholeAmount() {
    Loan loan = application();
    loans.approve(loan.reference(), LiableParty.MICROFINANCER, BigDecimal.ZERO);

    loans.recordContract(loan.reference(), "BK-4711", LocalDate.of(2026, 3, 2));
    assertThatThrownBy(() -> loans.recordContract(loan.reference(), "BK-4712", LocalDate.of(2026, 3, 3)))
        .isInstanceOf(IllegalLoanStateException.class)
        .hasMessageContaining("is CONTRACTED, cannot become CONTRACTED");
    loans.disburse(loan.reference(), LocalDate.of(2026, 3, 5), 24, new BigDecimal("0.0890"));

    assertThat(loan(loan.reference())).satisfies(active -> {
      assertThat(active.state()).isEqualTo(LoanState.ACTIVE);
      assertThat(active.outstandingPrincipal()).isEqualByComparingTo("4000.00");
      assertThat(active.reservedPrincipal()).isEqualByComparingTo("0");
      assertThat(active.version()).isEqualTo(loan.version() + 3);
    });
    assertThat(jdbc.sql("SELECT bank_contract_number FROM loan WHERE id = :id").param("id", loan.id())
        .query(String.class).single()).isEqualTo("BK-4711");
    assertThatThrownBy(() -> loans.disburse(loan.reference(), LocalDate.of(2026, 3, 6), 24, BigDecimal.ONE))
        .isInstanceOf(IllegalLoanStateException.class);
  }

  @Test
  void shouldBookAnInstalmentInOneStatementAndClearAClosedLoan() {
    Loan loan = application();
    loans.seedActive(loan.id(), LocalDate.of(2026, 1, 15), LiableParty.MICROFINANCER, 24, new BigDecimal("0.0890"));

    loans.bookInstalment(loan.id(), new BigDecimal("3800.00"), true, LocalDate.of(2026, 2, 15));
    assertThat(loan(loan.reference())).satisfies(booked -> {
      assertThat(booked.outstandingPrincipal()).isEqualByComparingTo("3800.00");
      assertThat(booked.disturbed()).isTrue();
      assertThat(booked.version()).isEqualTo(loan.version() + 2);
    });

    loans.end(loan.reference(), Set.of(LoanState.ACTIVE), LoanState.REPAID, "Vollständig zurückgezahlt");
    loans.clearOutstanding(loan.id());
    assertThat(loan(loan.reference())).satisfies(closed -> {
      assertThat(closed.state()).isEqualTo(LoanState.REPAID);
      assertThat(closed.outstandingPrincipal()).isEqualByComparingTo("0");
      assertThat(closed.disturbed()).isFalse();
    });
  }

  @Test
  void shouldSeedOnlyAFreshApplication() {
    Loan loan = application();
    loans.seedActive(loan.id(), LocalDate.of(2026, 1, 15), LiableParty.MICROFINANCER, 12, new BigDecimal("0.0890"));

    assertThatThrownBy(() -> loans.seedActive(loan.id(), LocalDate.of(2026, 1, 15), LiableParty.MICROFINANCER, 12,
        new BigDecimal("0.0890")))
        .isInstanceOf(IllegalLoanStateException.class);
    assertThat(loan(loan.reference())).satisfies(seeded -> {
      assertThat(seeded.state()).isEqualTo(LoanState.ACTIVE);
      assertThat(seeded.liableParty()).isEqualTo(LiableParty.MICROFINANCER);
      assertThat(seeded.outstandingPrincipal()).isEqualByComparingTo("4000.00");
    });
  }
}
