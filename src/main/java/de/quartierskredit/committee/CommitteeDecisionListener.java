package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.ABSTENTIONS;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.COMMITTEE_QUESTION;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.DECISION;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.DECISION_REASON;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.MISSING_DOCUMENTS_REASON;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.VOTES_AGAINST;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.VOTES_FOR;

import de.quartierskredit.committee.CommitteeDecisionRepository.CommitteeDecision;
import de.quartierskredit.committee.CommitteeDecisionRepository.MissingDocuments;
import de.quartierskredit.document.ChecklistItemView;
import de.quartierskredit.document.LoanDocuments;
import java.util.List;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * DOMAIN.md step 7: checks the committee's decision again on the server and records it with reason,
 * votes, the user who entered it and the time, and in the audit trail; a question back is handed to the
 * decision template. An approval while required application documents are missing needs the committee's
 * reason (issue 17); which documents were missing is read from the loan's documents at this moment and kept
 * with the decision.
 */
@Component("committeeDecisionListener")
class CommitteeDecisionListener implements TaskListener {

  /** The checklist stage the committee decides on. */

  private final CommitteeDecisionRepository decisions;
  private final LoanDocuments documents;
  private final CommitteeDecisionAudit audit;

  CommitteeDecisionListener(CommitteeDecisionRepository decisions, LoanDocuments documents,
      CommitteeDecisionAudit audit) {
    this.decisions = decisions;
    this.documents = documents;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = FormValues.text(task, DECISION);
    String reason = FormValues.text(task, DECISION_REASON);
    Integer votesFor = FormValues.count(task, VOTES_FOR);
    Integer votesAgainst = FormValues.count(task, VOTES_AGAINST);
    Integer abstentions = FormValues.count(task, ABSTENTIONS);
    var check = CommitteeInputPolicy.decision(decision, reason, votesFor, votesAgainst, abstentions);
    if (!check.ok()) {
      throw new InputRefusedException(null, check.reason());
    }
    String reference = CaseLoan.reference(task);
    List<ChecklistItemView> missing = documents.missingRequired(reference, LoanDocuments.APPLICATION_STAGE);
    String missingReason = FormValues.text(task, MISSING_DOCUMENTS_REASON);
    var documentsCheck = CommitteeInputPolicy.missingDocuments(decision,
        missing.stream().map(ChecklistItemView::label).toList(), missingReason);
    if (!documentsCheck.ok()) {
      throw new InputRefusedException(MISSING_DOCUMENTS_REASON, documentsCheck.reason());
    }
    String decidedBy = CurrentUser.completing(task);
    decisions.record(reference,
        new CommitteeDecision(decision, reason.strip(), votesFor, votesAgainst, abstentions),
        new MissingDocuments(missing.stream().map(ChecklistItemView::type).toList(),
            missingReason == null || missingReason.isBlank() ? null : missingReason.strip()),
        decidedBy, task.getProcessInstanceId());
    audit.recordLatest(reference);
    if (CommitteeDecisionProcess.Decisions.RETURN.equals(decision)) {
      task.setVariable(COMMITTEE_QUESTION, reason.strip());
    }
  }
}
