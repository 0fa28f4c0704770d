package de.quartierskredit.duties;

import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.NotPermittedException;
import org.springframework.stereotype.Service;

/**
 * Applies {@link SeparationOfDutiesPolicy} to a loan's recorded participants; the listeners of the
 * committee decision and the write-off approval ask it before anyone claims or completes those tasks.
 */
@Service
public class SeparationOfDuties {

  private final LoanParticipants participants;
  private final LoanRepository loans;

  SeparationOfDuties(LoanParticipants participants, LoanRepository loans) {
    this.participants = participants;
    this.loans = loans;
  }

  /** Refuses (German reason) when {@code user} recorded, advised or prepared the application. */
  public void requireIndependentDecider(String loanReference, String user) {
    if (user == null || loanReference == null) {
      return;
    }
    boolean quarterLoan = loans.findByReference(loanReference).map(Loan::isQuarterLoan).orElse(true);
    refuseUnless(SeparationOfDutiesPolicy.committeeDecision(user, participants.of(loanReference), quarterLoan));
  }

  /** Refuses (German reason) when {@code user} asked for the write-off they are about to approve. */
  public void requireSecondPersonForWriteOff(String loanReference, String user) {
    if (user == null || loanReference == null) {
      return;
    }
    refuseUnless(SeparationOfDutiesPolicy.writeOffApproval(user, participants.of(loanReference)));
  }

  /** Records that {@code user} did {@code step}; for listeners that decide the step themselves. */
  public void record(String loanReference, Step step, String user, String taskId, String processInstanceId) {
    if (user != null && loanReference != null) {
      participants.record(loanReference, step, user, taskId, processInstanceId);
    }
  }

  private static void refuseUnless(SeparationOfDutiesPolicy.Decision decision) {
    if (!decision.ok()) {
      throw new NotPermittedException(decision.reason());
    }
  }
}
