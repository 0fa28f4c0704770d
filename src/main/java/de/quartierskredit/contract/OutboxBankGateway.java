package de.quartierskredit.contract;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes messages for the bank into {@code bank_outbox}, in the caller's transaction, for a delivery
 * adapter to send. Delivery to a real bank is not built yet: rows stay unsent ({@code sent_at} null).
 * At most one row per loan, kind and schedule version, so a retried job does not send a message twice.
 */
@Component
class OutboxBankGateway implements BankGateway {

  static final String RECOMMENDATION = "RECOMMENDATION";
  static final String RESCHEDULING = "RESCHEDULING";

  private final JdbcClient jdbc;
  private final Clock clock;

  OutboxBankGateway(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void recommend(Recommendation recommendation) {
    jdbc.sql("""
            INSERT INTO bank_outbox (loan_reference, kind, amount, term_months, annual_rate, created_at)
            SELECT :reference, :kind, :amount, :term, :rate, :now
            WHERE NOT EXISTS (SELECT 1 FROM bank_outbox WHERE loan_reference = :reference AND kind = :kind)""")
        .param("reference", recommendation.loanReference())
        .param("kind", RECOMMENDATION)
        .param("amount", recommendation.amount())
        .param("term", recommendation.termMonths())
        .param("rate", recommendation.annualInterestRate())
        .param("now", LocalDateTime.now(clock))
        .update();
  }

  @Override
  public void announceRescheduling(ReschedulingNotice notice) {
    jdbc.sql("""
            INSERT INTO bank_outbox (loan_reference, kind, schedule_version, amount, term_months, annual_rate, created_at)
            SELECT :reference, :kind, :version, :amount, :term, :rate, :now
            WHERE NOT EXISTS (SELECT 1 FROM bank_outbox
                              WHERE loan_reference = :reference AND kind = :kind AND schedule_version = :version)""")
        .param("reference", notice.loanReference())
        .param("kind", RESCHEDULING)
        .param("version", notice.scheduleVersion())
        .param("amount", notice.principal())
        .param("term", notice.months())
        .param("rate", notice.annualInterestRate())
        .param("now", LocalDateTime.now(clock))
        .update();
  }
}
