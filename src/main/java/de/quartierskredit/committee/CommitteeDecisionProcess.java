package de.quartierskredit.committee;
import de.quartierskredit.shared.InputRefusedException;

/**
 * Names of the {@code committee-decision} process (Vergabeausschuss, DOMAIN.md steps 5-7): its key,
 * activity ids, variables, outcomes and error codes, used by delegates, listeners and tests alike.
 */
public final class CommitteeDecisionProcess {

  public static final String KEY = "committee-decision";

  private CommitteeDecisionProcess() {}

  /** Activity ids in bpmn/committee-decision.bpmn. */
  public static final class Activities {
    public static final String START = "StartEvent_DecisionRequested";
    public static final String PREPARE_DECISION_TEMPLATE = "Task_PrepareDecisionTemplate";
    public static final String COMPILE_DOSSIER = "Task_CompileDossier";
    public static final String DECIDE_APPLICATION = "Task_DecideApplication";
    public static final String REMINDER_DUE = "BoundaryEvent_ReminderDue";
    public static final String REMIND_COMMITTEE = "Task_RemindCommittee";
    public static final String RESERVE_FUND_CAPACITY = "Task_ReserveFundCapacity";
    public static final String AWAIT_FUND_CAPACITY = "Task_AwaitFundCapacity";
    public static final String REDUCE_AMOUNT = "Task_ReduceAmount";
    public static final String WITHDRAW_APPLICATION = "Task_WithdrawApplication";
    public static final String REJECT_APPLICATION = "Task_RejectApplication";
    public static final String APPROVED = "EndEvent_Approved";
    public static final String REJECTED = "EndEvent_Rejected";
    public static final String WITHDRAWN = "EndEvent_Withdrawn";
    public static final String COMMITTEE_REMINDED = "EndEvent_CommitteeReminded";

    private Activities() {}
  }

  /** Process variables: the call activity's inputs, form fields and results. */
  public static final class Variables {
    // inputs from loan-application
    public static final String LOAN_REFERENCE = "loanReference";
    public static final String QUARTER_CODE = "quarterCode";
    public static final String ADVISOR_GROUP = "advisorGroup";
    public static final String COMMITTEE_GROUP = "committeeGroup";
    /** ISO-8601 duration until the microfinancer is asked to chase a pending decision. */
    public static final String REMINDER_AFTER = "committeeReminderAfter";
    // decision template (Entscheidungsvorlage)
    public static final String IMPROVES_SITUATION = "templateImprovesSituation";
    public static final String CAN_REPAY = "templateCanRepay";
    public static final String RECOMMENDATION = "templateRecommendation";
    public static final String TEMPLATE_NOTES = "templateNotes";
    /** The committee's question when it sent the application back. */
    public static final String COMMITTEE_QUESTION = "committeeQuestion";
    // dossier shown read-only to the committee
    public static final String DOSSIER_MARKDOWN = "dossierMarkdown";
    public static final String LOAN_AMOUNT = "loanAmount";
    public static final String LOAN_AMOUNT_TEXT = "loanAmountText";
    public static final String SGB2_WARNING = "sgb2Warning";
    public static final String FUND_FREE_CAPACITY_TEXT = "fundFreeCapacityText";
    // committee decision
    public static final String DECISION = "committeeDecision";
    public static final String DECISION_REASON = "committeeDecisionReason";
    public static final String VOTES_FOR = "votesFor";
    public static final String VOTES_AGAINST = "votesAgainst";
    public static final String ABSTENTIONS = "abstentions";
    /** Why the committee approves although required documents are missing (issue 17). */
    public static final String MISSING_DOCUMENTS_REASON = "missingDocumentsReason";
    // fund capacity
    public static final String CAPACITY_RESERVED = "capacityReserved";
    public static final String FUND_CAPACITY_REASON = "fundCapacityReason";
    public static final String LIABLE_PARTY = "liableParty";
    public static final String CAPACITY_ACTION = "capacityAction";
    public static final String REDUCED_AMOUNT = "reducedAmount";
    // result for loan-application
    public static final String OUTCOME = "committeeOutcome";

    private Variables() {}
  }

  /** Values of {@link Variables#DECISION}. */
  public static final class Decisions {
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    /** Back to the decision template with a question (Rückfrage). */
    public static final String RETURN = "RETURN";

    private Decisions() {}
  }

  /** Values of {@link Variables#CAPACITY_ACTION} when the fund has no room. */
  public static final class CapacityActions {
    public static final String RETRY = "RETRY";
    public static final String REDUCE = "REDUCE";
    public static final String WITHDRAW = "WITHDRAW";

    private CapacityActions() {}
  }

  /** Values of {@link Variables#OUTCOME}, returned to loan-application. */
  public static final class Outcomes {
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    private Outcomes() {}
  }

  /**
   * Error codes. Invalid form input is not a BPMN error here: the task listeners reject the
   * completion (the task stays open, nothing is written), see {@link de.quartierskredit.shared.InputRefusedException}.
   */
  public static final class Errors {
    public static final String INVALID_INPUT = "COMMITTEE_INVALID_INPUT";

    private Errors() {}
  }
}
