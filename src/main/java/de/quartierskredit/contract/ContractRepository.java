package de.quartierskredit.contract;

import de.quartierskredit.loan.IllegalLoanStateException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contract and disbursement facts of a loan row; each write is guarded by the state it belongs to. */
@Repository
class ContractRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  ContractRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** After the transition to CONTRACTED: the bank's contract number and signing date. */
  void recordContract(String reference, String contractNumber, LocalDate signedOn) {
    require(jdbc.sql("""
            UPDATE loan SET bank_contract_number = :number, contracted_on = :signedOn, updated_at = :now
            WHERE reference = :reference AND state = 'CONTRACTED'""")
        .param("number", contractNumber)
        .param("signedOn", signedOn)
        .param("now", LocalDateTime.now(clock))
        .param("reference", reference)
        .update(), reference, "CONTRACTED");
  }

  /**
   * After the transition to ACTIVE: the whole amount is outstanding, the fund reservation becomes
   * outstanding principal (reserved 0), and the contract terms are kept.
   */
  void recordDisbursement(String reference, LocalDate valueDate, int termMonths, BigDecimal annualRate) {
    require(jdbc.sql("""
            UPDATE loan SET outstanding_principal = amount, reserved_principal = 0, disbursed_on = :valueDate,
                   term_months = :term, interest_rate = :rate, updated_at = :now
            WHERE reference = :reference AND state = 'ACTIVE'""")
        .param("valueDate", valueDate)
        .param("term", termMonths)
        .param("rate", annualRate)
        .param("now", LocalDateTime.now(clock))
        .param("reference", reference)
        .update(), reference, "ACTIVE");
  }

  Optional<LocalDate> contractedOn(String reference) {
    return jdbc.sql("SELECT contracted_on FROM loan WHERE reference = :reference")
        .param("reference", reference)
        .query((rs, row) -> Optional.ofNullable(rs.getObject("contracted_on", LocalDate.class)))
        .optional()
        .flatMap(date -> date);
  }

  private static void require(int changed, String reference, String state) {
    if (changed != 1) {
      throw new IllegalLoanStateException("loan " + reference + " is not " + state);
    }
  }
}
