package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.ABSTENTIONS;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.COMMITTEE_QUESTION;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.DECISION;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.DECISION_REASON;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.VOTES_AGAINST;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.VOTES_FOR;

import de.quartierskredit.committee.CommitteeDecisionRepository.CommitteeDecision;
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
 * decision template.
 */
@Component("committeeDecisionListener")
class CommitteeDecisionListener implements TaskListener {

  private final CommitteeDecisionRepository decisions;
  private final CommitteeDecisionAudit audit;

  CommitteeDecisionListener(CommitteeDecisionRepository decisions, CommitteeDecisionAudit audit) {
    this.decisions = decisions;
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
    String decidedBy = CurrentUser.completing(task);
    decisions.record(CaseLoan.reference(task),
        new CommitteeDecision(decision, reason.strip(), votesFor, votesAgainst, abstentions),
        decidedBy, task.getProcessInstanceId());
    audit.recordLatest(CaseLoan.reference(task));
    if (CommitteeDecisionProcess.Decisions.RETURN.equals(decision)) {
      task.setVariable(COMMITTEE_QUESTION, reason.strip());
    }
  }
}
