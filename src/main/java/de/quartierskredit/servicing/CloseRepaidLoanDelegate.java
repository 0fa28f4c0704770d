package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.servicing.LoanServicingProcess.InterventionOutcome;
import de.quartierskredit.servicing.ServicingRepository.Standing;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Step 12, repaid in full: the loan becomes REPAID (closed today), nothing stays outstanding or reserved
 * (so its fund capacity frees itself), and {@link FollowUpLoanPolicy} decides whether to offer a follow-up loan.
 */
@Component("closeRepaidLoanDelegate")
class CloseRepaidLoanDelegate implements JavaDelegate {

  private final LoanRepository loans;
  private final ServicingRepository servicing;
  private final FollowUpLoanPolicy followUp;
  private final Clock clock;

  CloseRepaidLoanDelegate(LoanRepository loans, ServicingRepository servicing, Clock clock,
      @Value("${quartierskredit.servicing.follow-up-without-disturbance-months}") int windowMonths) {
    this.loans = loans;
    this.servicing = servicing;
    this.followUp = new FollowUpLoanPolicy(windowMonths);
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    Standing loan = servicing.standing(reference);
    loans.repay(reference);
    servicing.closeIntervention(loan.id(), InterventionOutcome.REPAID);
    loans.clearOutstanding(loan.id());
    var decision = followUp.offer(LocalDate.now(clock), servicing.lastDisturbance(loan));
    execution.setVariable(OFFER_FOLLOW_UP, decision.offer());
    execution.setVariable(FOLLOW_UP_REASON, decision.reason());
  }
}
