package de.quartierskredit.loan;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores applicants, businesses and loans, and is the only writer of the {@code loan} table: every
 * change is a method named for what happens, and state changes follow {@link LoanLifecycle}, guarded
 * so that none is applied twice.
 */
@Repository
public class LoanRepository {

  private static final String COLUMNS = """
      id, reference, applicant_id, business_id, quarter_code, purpose, amount, state, liable_party,
      reserved_principal, outstanding_principal, applied_on, disturbed, version""";

  private final JdbcClient jdbc;
  private final Clock clock;

  LoanRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records a new application (state APPLIED) and gives it its reference, e.g. {@code QK-2026-000042}. */
  @Transactional
  public Loan register(NewApplication application) {
    LocalDateTime now = LocalDateTime.now(clock);
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO applicant (first_name, last_name, email, phone, sgb2_recipient, created_at)
            VALUES (:first, :last, :email, :phone, :sgb2, :now)""")
        .param("first", application.firstName())
        .param("last", application.lastName())
        .param("email", application.email())
        .param("phone", application.phone())
        .param("sgb2", application.sgb2Recipient())
        .param("now", now)
        .update(keys, "id");
    long applicantId = keys.getKey().longValue();
    keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO business (applicant_id, name, stage, sector, street, postal_code, city, quarter_code, created_at)
            VALUES (:applicant, :name, :stage, :sector, :street, :postal, :city, :quarter, :now)""")
        .param("applicant", applicantId)
        .param("name", application.businessName())
        .param("stage", application.stage().name())
        .param("sector", application.sector())
        .param("street", application.street())
        .param("postal", application.postalCode())
        .param("city", application.city())
        .param("quarter", application.quarterCode())
        .param("now", now)
        .update(keys, "id");
    long businessId = keys.getKey().longValue();
    keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO loan (reference, applicant_id, business_id, quarter_code, purpose, amount, requested_amount,
                              state, applied_on, created_at, updated_at)
            VALUES (:reference, :applicant, :business, :quarter, :purpose, :amount, :amount,
                    'APPLIED', :today, :now, :now)""")
        .param("reference", "P-" + UUID.randomUUID())
        .param("applicant", applicantId)
        .param("business", businessId)
        .param("quarter", application.quarterCode())
        .param("purpose", application.purpose())
        .param("amount", Money.euros(application.amount()))
        .param("today", now.toLocalDate())
        .param("now", now)
        .update(keys, "id");
    long loanId = keys.getKey().longValue();
    String reference = String.format("QK-%d-%06d", now.getYear(), loanId);
    jdbc.sql("UPDATE loan SET reference = :reference WHERE id = :id")
        .param("reference", reference).param("id", loanId).update();
    return findByReference(reference).orElseThrow();
  }

  public Optional<Loan> findByReference(String reference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM loan WHERE reference = :reference")
        .param("reference", reference)
        .query(LoanRepository::map)
        .optional();
  }

  /** Why the case ended, as recorded when it ended (for example the referral's or the committee's reason). */
  public Optional<String> endedReason(String reference) {
    return jdbc.sql("SELECT ended_reason FROM loan WHERE reference = :reference")
        .param("reference", reference)
        .query(String.class)
        .optional();
  }

  /**
   * Who and what a loan is about, for lists and forms: one select by the reference (unique index) over the
   * loan, its applicant, its business and its quarter (name null outside the quarters).
   */
  public Optional<LoanSummary> summary(String reference) {
    return jdbc.sql("""
            SELECT l.reference, a.first_name, a.last_name, b.name AS business_name, q.name AS quarter_name, l.amount
            FROM loan l
            JOIN applicant a ON a.id = l.applicant_id
            JOIN business b ON b.id = l.business_id
            LEFT JOIN quarter q ON q.code = l.quarter_code
            WHERE l.reference = :reference""")
        .param("reference", reference)
        .query((rs, row) -> new LoanSummary(rs.getString("reference"),
            rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("business_name"),
            rs.getString("quarter_name"), rs.getBigDecimal("amount")))
        .optional();
  }

  /** Whether the loan's applicant receives SGB II benefits, as recorded with the application. */
  public boolean applicantReceivesSgb2(Loan loan) {
    return jdbc.sql("SELECT sgb2_recipient FROM applicant WHERE id = :id").param("id", loan.applicantId())
        .query(Boolean.class).single();
  }

  /** What an erased loan's purpose reads (the column is NOT NULL). */
  public static final String ERASED = "gelöscht";

  /**
   * The case's retention has ended (privacy.RetentionPolicy decided): its purpose and the reason it
   * ended are erased and the loan is marked erased; ids, quarter, amounts, dates and state stay. Only
   * an ended case, and only once: true if this call erased it, false if it was erased already or is
   * not ended (the row lock makes a second node's call wait and then find it erased).
   */
  public boolean erasePersonalData(long loanId) {
    LocalDateTime now = LocalDateTime.now(clock);
    return jdbc.sql("""
            UPDATE loan SET purpose = :erased, ended_reason = NULL, personal_data_erased_at = :now,
                   updated_at = :now, version = version + 1
            WHERE id = :id AND personal_data_erased_at IS NULL AND closed_on IS NOT NULL AND state IN (:ended)""")
        .param("erased", ERASED)
        .param("now", now)
        .param("id", loanId)
        .param("ended", java.util.Arrays.stream(LoanState.values()).filter(LoanState::isEnded).map(Enum::name).toList())
        .update() == 1;
  }

  /** Links the loan to the process instance that runs it. */
  public void attachProcess(String reference, String processInstanceId) {
    jdbc.sql("UPDATE loan SET process_instance_id = :pi WHERE reference = :reference")
        .param("pi", processInstanceId).param("reference", reference).update();
  }

  /**
   * Moves the loan to {@code to} if it is in one of {@code from} and {@link LoanLifecycle} allows the
   * change; otherwise nothing changes and {@link IllegalLoanStateException} says why (a repeated or
   * impossible transition). {@code from} can narrow the lifecycle's table, never widen it.
   */
  public void transition(String reference, Collection<LoanState> from, LoanState to, String reason) {
    Set<LoanState> sources = LoanLifecycle.sourcesOf(from, to);
    int changed = sources.isEmpty() ? 0 : jdbc.sql("""
            UPDATE loan SET state = :to, ended_reason = COALESCE(:reason, ended_reason),
                   closed_on = CASE WHEN :ended THEN :today ELSE closed_on END,
                   updated_at = :now, version = version + 1
            WHERE reference = :reference AND state IN (:from)""")
        .param("to", to.name())
        .param("reason", reason)
        .param("ended", to.isEnded())
        .param("today", LocalDate.now(clock))
        .param("now", LocalDateTime.now(clock))
        .param("reference", reference)
        .param("from", names(sources))
        .update();
    if (changed == 0) {
      throw refused(reference, "cannot become " + to + " (expected " + from + ")");
    }
  }

  /**
   * Ends the case in {@code to} (an ended state) from any of {@code from}, releasing whatever fund
   * capacity it held; guarded like {@link #transition}.
   */
  public void end(String reference, Collection<LoanState> from, LoanState to, String reason) {
    if (!to.isEnded()) {
      throw new IllegalArgumentException(to + " does not end a case");
    }
    LoanState current = findByReference(reference)
        .orElseThrow(() -> new IllegalLoanStateException("no loan " + reference)).state();
    if (current == to) {
      return; // a called process ended it already (e.g. withdrawn at the committee)
    }
    transition(reference, from, to, reason);
    jdbc.sql("UPDATE loan SET reserved_principal = 0 WHERE reference = :reference")
        .param("reference", reference).update();
  }

  /** The committee (or the fund capacity step) withdrew an application that is still open. */
  public void withdrawApplication(String reference, String reason) {
    transition(reference, LoanState.OPEN_APPLICATION, LoanState.WITHDRAWN, reason);
  }

  /** The committee rejected the application (an approval whose fund capacity was refused included). */
  public void reject(String reference, String reason) {
    transition(reference, LoanLifecycle.sourcesOf(LoanState.REJECTED), LoanState.REJECTED, reason);
  }

  /**
   * The case ended before a contract: advice found another way, not the target group, financed
   * privately or withdrawn (an ended state); releases whatever fund capacity it held.
   */
  public void endCase(String reference, LoanState endedIn, String reason) {
    end(reference, LoanLifecycle.sourcesOf(endedIn), endedIn, reason);
  }

  /** No payment within the default period: the loan defaulted (its loss is allocated next). */
  public void markDefaulted(String reference, String reason) {
    transition(reference, LoanLifecycle.sourcesOf(LoanState.DEFAULTED), LoanState.DEFAULTED, reason);
  }

  /** The last instalment came in: the loan is repaid and closed. */
  public void repay(String reference) {
    end(reference, LoanLifecycle.sourcesOf(LoanState.REPAID), LoanState.REPAID, "Vollständig zurückgezahlt");
  }

  /** The loss of a defaulted loan was booked: the loan is written off and closed. */
  public void writeOff(String reference, String reason) {
    end(reference, LoanLifecycle.sourcesOf(LoanState.WRITTEN_OFF), LoanState.WRITTEN_OFF, reason);
  }

  /** Records the eligibility route the policy chose. */
  public void recordEligibility(String reference, String route) {
    jdbc.sql("UPDATE loan SET eligibility_route = :route, updated_at = :now WHERE reference = :reference")
        .param("route", route).param("now", LocalDateTime.now(clock)).param("reference", reference).update();
  }

  /** The need was reduced in advice: the application continues with the smaller amount. */
  public void changeAmount(String reference, BigDecimal amount) {
    int changed = jdbc.sql("""
            UPDATE loan SET amount = :amount, updated_at = :now, version = version + 1
            WHERE reference = :reference AND state = 'APPLIED'""")
        .param("amount", Money.euros(amount))
        .param("now", LocalDateTime.now(clock))
        .param("reference", reference)
        .update();
    if (changed == 0) {
      throw new IllegalLoanStateException("loan " + reference + " is no open application");
    }
  }

  /**
   * Approves an open application and records who carries its risk and how much fund capacity it
   * holds; guarded like {@link #transition}: an application that is no longer open is not approved again.
   */
  public void approve(String reference, LiableParty liableParty, BigDecimal reservedPrincipal) {
    int changed = jdbc.sql("""
            UPDATE loan SET state = 'APPROVED', liable_party = :liable, reserved_principal = :reserved,
                   approved_on = :today, updated_at = :now, version = version + 1
            WHERE reference = :reference AND state IN (:from)""")
        .param("liable", liableParty.name())
        .param("reserved", Money.euros(reservedPrincipal))
        .param("today", LocalDate.now(clock))
        .param("now", LocalDateTime.now(clock))
        .param("reference", reference)
        .param("from", names(LoanLifecycle.sourcesOf(LoanState.APPROVED)))
        .update();
    if (changed == 0) {
      throw refused(reference, "cannot be approved");
    }
  }

  /**
   * Step 8, signing: the approved loan becomes CONTRACTED with the bank's contract number and signing
   * date; guarded like {@link #transition}, so a second confirmation changes nothing and is refused.
   */
  public void recordContract(String reference, String contractNumber, LocalDate signedOn) {
    transition(reference, LoanLifecycle.sourcesOf(LoanState.CONTRACTED), LoanState.CONTRACTED, null);
    requireOne(jdbc.sql("""
            UPDATE loan SET bank_contract_number = :number, contracted_on = :signedOn, updated_at = :now
            WHERE reference = :reference AND state = 'CONTRACTED'""")
        .param("number", contractNumber)
        .param("signedOn", signedOn)
        .param("now", LocalDateTime.now(clock))
        .param("reference", reference)
        .update(), reference, LoanState.CONTRACTED);
  }

  /**
   * Step 8, disbursement: the contracted loan becomes ACTIVE, its whole amount outstanding, the fund
   * reservation becomes outstanding principal (reserved 0), and the contract terms are kept.
   */
  public void disburse(String reference, LocalDate valueDate, int termMonths, BigDecimal annualRate) {
    transition(reference, LoanLifecycle.sourcesOf(LoanState.ACTIVE), LoanState.ACTIVE, null);
    requireOne(jdbc.sql("""
            UPDATE loan SET outstanding_principal = amount, reserved_principal = 0, disbursed_on = :valueDate,
                   term_months = :term, interest_rate = :rate, updated_at = :now
            WHERE reference = :reference AND state = 'ACTIVE'""")
        .param("valueDate", valueDate)
        .param("term", termMonths)
        .param("rate", annualRate)
        .param("now", LocalDateTime.now(clock))
        .param("reference", reference)
        .update(), reference, LoanState.ACTIVE);
  }

  /**
   * Books what the bank reported for an instalment: the principal still outstanding and whether the
   * loan is disturbed (since when). One statement by id, on the row the ledger holds locked; the hot
   * path of every instalment, so it asks nothing first.
   */
  public void bookInstalment(long loanId, BigDecimal outstandingPrincipal, boolean disturbed,
      LocalDate disturbedSince) {
    jdbc.sql("""
            UPDATE loan SET outstanding_principal = :outstanding, disturbed = :disturbed,
                   disturbed_since = :since, updated_at = :now, version = version + 1
            WHERE id = :id""")
        .param("outstanding", outstandingPrincipal)
        .param("disturbed", disturbed)
        .param("since", disturbedSince)
        .param("now", LocalDateTime.now(clock))
        .param("id", loanId)
        .update();
  }

  /** Step 11: the contract term after a rescheduling, in months from disbursement to the new last instalment. */
  public void changeTerm(long loanId, int termMonths) {
    jdbc.sql("UPDATE loan SET term_months = :term, updated_at = :now, version = version + 1 WHERE id = :loan")
        .param("term", termMonths).param("now", LocalDateTime.now(clock)).param("loan", loanId).update();
  }

  /** Nothing of a closed loan stays outstanding (the ledger has set it to 0 already when repaid). */
  public void clearOutstanding(long loanId) {
    jdbc.sql("""
            UPDATE loan SET outstanding_principal = 0, reserved_principal = 0, disturbed = FALSE,
                   updated_at = :now, version = version + 1
            WHERE id = :loan""")
        .param("now", LocalDateTime.now(clock)).param("loan", loanId).update();
  }

  /**
   * For the portfolio simulation only: a freshly registered application becomes an ACTIVE loan
   * disbursed on {@code disbursedOn}, as if approved, contracted and disbursed at once (the lifecycle's
   * path APPLIED to ACTIVE, in one statement so seeding millions stays fast).
   */
  public void seedActive(long loanId, LocalDate disbursedOn, LiableParty liableParty, int termMonths,
      BigDecimal annualRate) {
    int changed = jdbc.sql("""
            UPDATE loan SET state = 'ACTIVE', outstanding_principal = amount, disbursed_on = :on,
                   liable_party = :liable, term_months = :term, interest_rate = :rate,
                   updated_at = :now, version = version + 1
            WHERE id = :id AND state = 'APPLIED'""")
        .param("on", disbursedOn).param("liable", liableParty.name())
        .param("term", termMonths).param("rate", annualRate)
        .param("now", LocalDateTime.now(clock)).param("id", loanId)
        .update();
    if (changed == 0) {
      throw new IllegalLoanStateException("loan " + loanId + " is no fresh application, cannot be seeded ACTIVE");
    }
  }

  /** Gives reserved fund capacity back (rejection, withdrawal); releasing twice changes nothing. */
  public void releaseReservation(String reference) {
    jdbc.sql("""
            UPDATE loan SET reserved_principal = 0, updated_at = :now, version = version + 1
            WHERE reference = :reference AND reserved_principal <> 0""")
        .param("now", LocalDateTime.now(clock))
        .param("reference", reference)
        .update();
  }

  /** Outstanding plus reserved principal of a quarter's loans, leaving out one loan (the one asking). */
  public BigDecimal committedPrincipal(String quarterCode, String exceptReference) {
    return jdbc.sql("""
            SELECT COALESCE(SUM(outstanding_principal + reserved_principal), 0) FROM loan
            WHERE quarter_code = :quarter AND reference <> :reference""")
        .param("quarter", quarterCode)
        .param("reference", exceptReference)
        .query(BigDecimal.class)
        .single();
  }

  private IllegalLoanStateException refused(String reference, String what) {
    LoanState current = findByReference(reference)
        .orElseThrow(() -> new IllegalLoanStateException("no loan " + reference,
            "Es gibt keinen Kredit mit dem Aktenzeichen " + reference + "."))
        .state();
    return new IllegalLoanStateException("loan " + reference + " is " + current + ", " + what,
        "Der Kredit " + reference + " ist " + current.label() + "; dieser Schritt ist dafür nicht (mehr) möglich.");
  }

  private static void requireOne(int changed, String reference, LoanState state) {
    if (changed != 1) {
      throw new IllegalLoanStateException("loan " + reference + " is not " + state);
    }
  }

  private static List<String> names(Collection<LoanState> states) {
    return states.stream().map(Enum::name).toList();
  }

  private static Loan map(ResultSet rs, int row) throws SQLException {
    String liable = rs.getString("liable_party");
    return new Loan(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getLong("applicant_id"),
        rs.getLong("business_id"),
        rs.getString("quarter_code"),
        rs.getString("purpose"),
        rs.getBigDecimal("amount"),
        LoanState.valueOf(rs.getString("state")),
        liable == null ? null : LiableParty.valueOf(liable),
        rs.getBigDecimal("reserved_principal"),
        rs.getBigDecimal("outstanding_principal"),
        rs.getObject("applied_on", LocalDate.class),
        rs.getBoolean("disturbed"),
        rs.getInt("version"));
  }
}
