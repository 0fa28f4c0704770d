package de.quartierskredit.rescheduling;

import de.quartierskredit.contract.BankGateway;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.rescheduling.RescheduleRequestRepository.OpenLine;
import de.quartierskredit.rescheduling.RescheduleRequestRepository.OpenSchedule;
import de.quartierskredit.rescheduling.RescheduleRequestRepository.StoredRequest;
import de.quartierskredit.rescheduling.ReschedulingPolicy.Proposal;
import de.quartierskredit.rescheduling.ReschedulingPolicy.Situation;
import de.quartierskredit.schedule.RepaymentSchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import de.quartierskredit.shared.InputRefusedException;

/**
 * DOMAIN.md step 11: the loan's situation for the policy, and the approved rescheduling carried out
 * (new schedule version, contract term) and announced to the bank; each step is safe to repeat.
 */
@Service
class Rescheduling {

  static final int MAX_SCHEDULE_REASON = 1000;

  private final LoanRepository loans;
  private final RescheduleRequestRepository requests;
  private final RepaymentScheduleRepository schedules;
  private final BankGateway bank;
  private final Clock clock;
  private final ReschedulingAudit audit;

  Rescheduling(LoanRepository loans, RescheduleRequestRepository requests, RepaymentScheduleRepository schedules,
      BankGateway bank, Clock clock, ReschedulingAudit audit) {
    this.audit = audit;
    this.loans = loans;
    this.requests = requests;
    this.schedules = schedules;
    this.bank = bank;
    this.clock = clock;
  }

  /** The active loan with something left to repay, or a refusal naming the loan reference field. */
  Loan reschedulableLoan(String reference) {
    Loan loan = reference == null || reference.isBlank() ? null : loans.findByReference(reference.strip()).orElse(null);
    if (loan == null) {
      throw new InputRefusedException("loanReference", reference == null || reference.isBlank()
          ? "Bitte das Aktenzeichen des Kredits angeben." : "Kein Kredit mit dem Aktenzeichen " + reference.strip() + ".");
    }
    if (loan.state() != LoanState.ACTIVE) {
      throw new InputRefusedException("loanReference",
          "Nur ein laufender Kredit (ausgezahlt, noch nicht getilgt) kann umgeplant werden; " + loan.reference() + " ist "
              + loan.state().label() + ".");
    }
    OpenSchedule open = requests.openSchedule(loan.id()).orElse(null);
    if (open == null || open.unpaidLines().isEmpty() || remaining(open).signum() <= 0) {
      throw new InputRefusedException("loanReference",
          "Der Kredit " + loan.reference() + " hat keinen offenen Tilgungsplan.");
    }
    return loan;
  }

  /** What the current schedule still has open, as the policy sees it. */
  Situation situation(Loan loan) {
    OpenSchedule open = requests.openSchedule(loan.id()).orElseThrow(
        () -> new IllegalStateException("loan " + loan.reference() + " has no current schedule"));
    BigDecimal currentInstalment = open.unpaidLines().stream().filter(line -> line.principal().signum() > 0)
        .findFirst().orElse(open.unpaidLines().get(0)).instalment();
    BigDecimal remainingInterest = open.unpaidLines().stream().map(OpenLine::interest)
        .reduce(Money.ZERO, BigDecimal::add);
    return new Situation(remaining(open), requests.annualRate(loan.id()).orElse(open.annualRate()),
        open.unpaidLines().size(), currentInstalment, remainingInterest,
        ReschedulingPolicy.nextDueOn(open.unpaidLines().get(0).dueOn(), LocalDate.now(clock)));
  }

  int currentVersion(Loan loan) {
    return requests.openSchedule(loan.id()).orElseThrow().version();
  }

  /**
   * Stores the approved proposal as the loan's next schedule version (earlier versions stay, their open
   * lines SUPERSEDED) and sets the contract term to end with it. Run again, it returns the same version.
   */
  @Transactional
  int activate(long requestId) {
    StoredRequest request = request(requestId);
    if (request.scheduleVersion() != null) {
      return request.scheduleVersion();
    }
    if (!"APPROVED".equals(request.status())) {
      throw new IllegalStateException("rescheduling request " + requestId + " is " + request.status());
    }
    Proposal proposal = ReschedulingPolicy.of(request.terms());
    String reason = ("Tilgungsplanänderung (" + request.kind().label() + "): " + request.reason());
    RepaymentSchedule schedule = schedules.storeNewVersion(request.loanId(), request.terms().principal(),
        request.terms().annualRate(), reason.substring(0, Math.min(reason.length(), MAX_SCHEDULE_REASON)),
        proposal.lines());
    requests.recordScheduleVersion(requestId, schedule.version());
    LocalDate disbursedOn = requests.disbursedOn(request.loanId());
    if (disbursedOn != null) {
      loans.changeTerm(request.loanId(),
          (int) ChronoUnit.MONTHS.between(YearMonth.from(disbursedOn), YearMonth.from(proposal.lastDueOn())));
    }
    audit.decided(requestId);
    return schedule.version();
  }

  /** Tells the bank about the new schedule version (once per version, however often it runs). */
  void notifyBank(long requestId, String loanReference) {
    StoredRequest request = request(requestId);
    if (request.scheduleVersion() == null) {
      throw new IllegalStateException("rescheduling request " + requestId + " has no activated schedule");
    }
    bank.announceRescheduling(new BankGateway.ReschedulingNotice(loanReference, request.scheduleVersion(),
        request.terms().principal(), request.terms().pauseMonths() + request.terms().instalments(),
        request.terms().annualRate()));
  }

  StoredRequest request(long requestId) {
    return requests.find(requestId)
        .orElseThrow(() -> new IllegalStateException("no rescheduling request " + requestId));
  }

  private static BigDecimal remaining(OpenSchedule open) {
    return Money.euros(open.principal().subtract(open.paidPrincipal()));
  }
}
