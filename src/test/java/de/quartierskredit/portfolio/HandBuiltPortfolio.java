package de.quartierskredit.portfolio;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds portfolios by hand for report tests: active loans disbursed on a date, their repayments and
 * disturbance periods. Tests use their own (past) years, so other tests' loans never count (public for
 * the browser tests, which show such a portfolio on the Cockpit dashboard).
 */
public final class HandBuiltPortfolio {

  private final LoanRepository loans;
  private final JdbcClient jdbc;

  public HandBuiltPortfolio(LoanRepository loans, JdbcClient jdbc) {
    this.loans = loans;
    this.jdbc = jdbc;
  }

  /**
   * An active loan of the quarter (null: outside the quarters), disbursed on the date and repaid in
   * full six months later, so that it never counts in another test's (later) reporting dates.
   */
  public Loan activeLoan(String quarter, String amount, LocalDate disbursedOn) {
    Loan loan = activeLoanWithoutRepayment(quarter, amount, disbursedOn);
    repay(loan, disbursedOn.plusMonths(6), amount);
    return loan;
  }

  /** An active loan whose repayments the test books itself. */
  public Loan activeLoanWithoutRepayment(String quarter, String amount, LocalDate disbursedOn) {
    Loan loan = loans.register(new NewApplication("Test", "Kreditnehmer", null, null, false, "Betrieb " + quarter,
        BusinessStage.EXISTING, null, null, null, null, quarter, "Ware", new BigDecimal(amount)));
    jdbc.sql("""
            UPDATE loan SET state = 'ACTIVE', disbursed_on = :on, outstanding_principal = amount,
                   liable_party = :liable WHERE id = :id""")
        .param("on", disbursedOn).param("liable", quarter == null ? "MICROFINANCER" : "LOCAL_FUND")
        .param("id", loan.id()).update();
    movement(loan, disbursedOn, new BigDecimal(amount), "DISBURSEMENT");
    return loan;
  }

  public void repay(Loan loan, LocalDate on, String amount) {
    movement(loan, on, new BigDecimal(amount).negate(), "REPAYMENT");
  }

  public void disturbed(Loan loan, LocalDate from, LocalDate until) {
    jdbc.sql("INSERT INTO loan_disturbance_period (loan_id, started_on, ended_on) VALUES (:id, :from, :until)")
        .param("id", loan.id()).param("from", from).param("until", until).update();
  }

  private void movement(Loan loan, LocalDate on, BigDecimal amount, String kind) {
    jdbc.sql("""
            INSERT INTO loan_principal_movement (loan_id, value_date, amount, kind, source, created_at)
            VALUES (:id, :on, :amount, :kind, :source, :now)""")
        .param("id", loan.id()).param("on", on).param("amount", amount).param("kind", kind)
        .param("source", "test-" + java.util.UUID.randomUUID()).param("now", LocalDateTime.now())
        .update();
  }
}
