package de.quartierskredit.fund;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test loans for fund and committee tests: registers applications, brings a quarter's free capacity
 * to an exact edge with an "active" filler loan, and takes every loan it made out of the fund again.
 */
public class FundTestLoans {

  private final LoanRepository loans;
  private final LocalFundRepository funds;
  private final JdbcClient jdbc;
  private final List<String> created = new ArrayList<>();

  public FundTestLoans(LoanRepository loans, LocalFundRepository funds, JdbcClient jdbc) {
    this.loans = loans;
    this.funds = funds;
    this.jdbc = jdbc;
  }

  /** An open application (APPLIED) of a quarter, or outside the quarters when quarterCode is null. */
  public Loan apply(String quarterCode, String amount) {
    return apply(quarterCode, amount, false);
  }

  public Loan apply(String quarterCode, String amount, boolean sgb2Recipient) {
    Loan loan = loans.register(new NewApplication("Aylin", "Demir", "aylin@example.org", "069 123456",
        sgb2Recipient, "Änderungsschneiderei Demir", BusinessStage.EXISTING, "Handwerk", "Marktplatz 3",
        "63065", "Offenbach", quarterCode, "Zweite Nähmaschine und Ladenregal", new BigDecimal(amount)));
    created.add(loan.reference());
    return loan;
  }

  /**
   * Adds an active loan so that exactly {@code free} euros of the quarter's capacity stay free;
   * returns its reference (null when nothing had to be added).
   */
  public String leaveFree(String quarterCode, String free) {
    BigDecimal filler = capacity(quarterCode).subtract(committed(quarterCode)).subtract(Money.euros(free));
    if (filler.signum() < 0) {
      throw new IllegalStateException("quarter " + quarterCode + " has less than " + free + " free already");
    }
    if (filler.signum() == 0) {
      return null;
    }
    Loan loan = apply(quarterCode, filler.toPlainString());
    jdbc.sql("UPDATE loan SET state = 'ACTIVE', outstanding_principal = :o WHERE reference = :r")
        .param("o", filler).param("r", loan.reference()).update();
    return loan.reference();
  }

  public BigDecimal capacity(String quarterCode) {
    return funds.findByQuarter(quarterCode).orElseThrow().paidInCapital()
        .multiply(BigDecimal.valueOf(FundCapacityPolicy.LEVERAGE_FACTOR));
  }

  /** Outstanding plus reserved principal of all the quarter's loans. */
  public BigDecimal committed(String quarterCode) {
    return jdbc.sql("""
            SELECT COALESCE(SUM(outstanding_principal + reserved_principal), 0) FROM loan
            WHERE quarter_code = :q""")
        .param("q", quarterCode).query(BigDecimal.class).single();
  }

  /** Ends every loan this fixture made, holding no capacity, so other tests find the funds as before. */
  public void cleanUp() {
    for (String reference : created) {
      jdbc.sql("""
              UPDATE loan SET state = 'WITHDRAWN', outstanding_principal = 0, reserved_principal = 0
              WHERE reference = :r""")
          .param("r", reference).update();
    }
    created.clear();
  }
}
