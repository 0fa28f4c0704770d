package de.quartierskredit.duties;

import de.quartierskredit.loan.CaseLoan;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who the next advisor step of a case goes to: the person who did the case's earlier step, so that the
 * work comes back to the advisor who knows the borrower instead of vanishing into the quarter's queue.
 * The advisor who records an application finds its advice talk in "Meine Aufgaben"; guarantors that did
 * not suffice come back to the advisor who recorded them. Read from {@code loan_participant} (who did
 * what, written by the engine's listeners), never from a variable; a person who no longer belongs to
 * the quarter's advisors gets nothing (the task then waits for the whole group). Models use it as
 * {@code camunda:assignee="${caseWorker.advisorWho(execution, 'GUARANTORS_RECORDED,ADVICE')}"}.
 */
@Component("caseWorker")
public class CaseWorkers {

  private final CaseLoan caseLoan;
  private final LoanParticipants participants;
  private final IdentityService identity;

  CaseWorkers(CaseLoan caseLoan, LoanParticipants participants, IdentityService identity) {
    this.caseLoan = caseLoan;
    this.participants = participants;
    this.identity = identity;
  }

  /**
   * The user who last did one of the comma-separated {@link Step steps} on the case's loan, if that user
   * is still one of the loan's advisors; otherwise {@code null} (no assignee: the candidate group works it).
   */
  public String advisorWho(VariableScope scope, String steps) {
    List<Step> wanted = Arrays.stream(steps.split(",")).map(String::trim).map(Step::valueOf).toList();
    List<Participation> done = participants.of(CaseLoan.reference(scope));
    String group = caseLoan.advisors(scope);
    for (int i = done.size() - 1; i >= 0; i--) {
      Participation participation = done.get(i);
      if (wanted.contains(participation.step())) {
        String user = participation.userId();
        boolean stillAdvisor = user != null
            && identity.createUserQuery().userId(user).memberOfGroup(group).count() == 1;
        return stillAdvisor ? user : null;
      }
    }
    return null;
  }
}
