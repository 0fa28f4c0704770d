package de.quartierskredit.servicing;

import de.quartierskredit.servicing.LoanServicingProcess.LossBearer;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps what a default costs: what each guarantor paid, and who bears the rest (loss_allocation). */
@Repository
class LossRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  LossRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The loan's guarantors in the order they were recorded (Bürge 1, 2, ...). */
  List<GuarantorRow> guarantors(long loanId) {
    return jdbc.sql("SELECT id, name, contact, guaranteed_amount FROM guarantor WHERE loan_id = :loan ORDER BY id")
        .param("loan", loanId)
        .query((rs, row) -> new GuarantorRow(rs.getLong("id"), rs.getString("name"), rs.getString("contact"),
            rs.getBigDecimal("guaranteed_amount")))
        .list();
  }

  /** Replaces what the guarantors paid, so that a repeated recording never counts twice. */
  void recordRecoveries(long loanId, Map<Long, BigDecimal> paidByGuarantor, String recordedBy) {
    jdbc.sql("DELETE FROM guarantor_recovery WHERE loan_id = :loan").param("loan", loanId).update();
    paidByGuarantor.forEach((guarantorId, amount) -> jdbc.sql("""
            INSERT INTO guarantor_recovery (loan_id, guarantor_id, amount, recorded_by, recorded_on, created_at)
            VALUES (:loan, :guarantor, :amount, :by, :today, :now)""")
        .param("loan", loanId).param("guarantor", guarantorId).param("amount", Money.euros(amount))
        .param("by", recordedBy).param("today", LocalDate.now(clock)).param("now", LocalDateTime.now(clock))
        .update());
  }

  BigDecimal recovered(long loanId) {
    return Money.euros(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM guarantor_recovery WHERE loan_id = :loan")
        .param("loan", loanId).query(BigDecimal.class).single());
  }

  boolean allocated(long loanId) {
    return jdbc.sql("SELECT count(*) FROM loss_allocation WHERE loan_id = :loan")
        .param("loan", loanId).query(Integer.class).single() > 0;
  }

  /** Outstanding principal of all loans the microfinancer is liable for (the base of its 20 % cap). */
  BigDecimal microfinancerOutstanding() {
    return Money.euros(jdbc.sql("""
            SELECT COALESCE(SUM(outstanding_principal), 0) FROM loan WHERE liable_party = 'MICROFINANCER'""")
        .query(BigDecimal.class).single());
  }

  /** Losses the microfinancer has borne in earlier write-offs. */
  BigDecimal microfinancerBorne() {
    return Money.euros(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM loss_allocation WHERE bearer = 'MICROFINANCER'")
        .query(BigDecimal.class).single());
  }

  /**
   * Records each bearer's share (zero shares too, so the allocation is visibly done) and lowers the
   * local fund's paid-in capital by its share, which lowers its 5x lending capacity.
   */
  void store(long loanId, LossAllocationPolicy.Allocation allocation, Long fundId) {
    insert(loanId, LossBearer.LOCAL_FUND, fundId, allocation.localFund());
    insert(loanId, LossBearer.MICROFINANCER, null, allocation.microfinancer());
    insert(loanId, LossBearer.NATIONAL_FUND, null, allocation.nationalFund());
    if (fundId != null && allocation.localFund().signum() > 0) {
      jdbc.sql("UPDATE local_fund SET paid_in_capital = paid_in_capital - :loss, version = version + 1 WHERE id = :fund")
          .param("loss", allocation.localFund()).param("fund", fundId).update();
    }
  }

  private void insert(long loanId, LossBearer bearer, Long fundId, BigDecimal amount) {
    jdbc.sql("""
            INSERT INTO loss_allocation (loan_id, bearer, fund_id, amount, allocated_on, created_at)
            VALUES (:loan, :bearer, :fund, :amount, :today, :now)""")
        .param("loan", loanId).param("bearer", bearer.name()).param("fund", fundId).param("amount", amount)
        .param("today", LocalDate.now(clock)).param("now", LocalDateTime.now(clock))
        .update();
  }

  /** A guarantor of the loan and the amount guaranteed. */
  record GuarantorRow(long id, String name, String contact, BigDecimal guaranteed) {}
}
