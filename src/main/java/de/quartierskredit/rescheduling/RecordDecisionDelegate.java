package de.quartierskredit.rescheduling;

import static de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Variables.*;

import de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Decisions;
import de.quartierskredit.shared.GermanFormat;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 11, approval: the microfinancer's decision, checked on the server (a rejection needs a
 * comment; refused input answers 400 and keeps the task open), recorded with date and user.
 */
@Component("recordReschedulingDecisionDelegate")
class RecordDecisionDelegate implements JavaDelegate {

  static final int MAX_COMMENT_LENGTH = 2000;

  private final RescheduleRequestRepository requests;
  private final ReschedulingAudit audit;

  RecordDecisionDelegate(RescheduleRequestRepository requests, ReschedulingAudit audit) {
    this.requests = requests;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decision = FormValues.text(execution, DECISION);
    String comment = FormValues.text(execution, DECISION_COMMENT);
    if (!Decisions.APPROVE.equals(decision) && !Decisions.REJECT.equals(decision)) {
      throw new InputRefusedException(DECISION, "Bitte genehmigen oder ablehnen.");
    }
    if (Decisions.REJECT.equals(decision) && (comment == null || comment.isEmpty())) {
      throw new InputRefusedException(DECISION_COMMENT, "Bitte die Ablehnung begründen.");
    }
    if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
      throw new InputRefusedException(DECISION_COMMENT,
          "Der Kommentar darf höchstens " + GermanFormat.number(MAX_COMMENT_LENGTH) + " Zeichen lang sein.");
    }
    long requestId = (Long) execution.getVariable(REQUEST_ID);
    boolean approved = Decisions.APPROVE.equals(decision);
    if (requests.decide(requestId, approved, CurrentUser.of(execution), comment == null || comment.isEmpty() ? null : comment)
        && !approved) {
      // an approval is audited once its schedule is in force (Rescheduling#activate)
      audit.decided(requestId);
    }
  }
}
