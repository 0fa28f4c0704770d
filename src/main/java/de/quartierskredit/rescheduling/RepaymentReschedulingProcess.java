package de.quartierskredit.rescheduling;

/** Names of the {@code repayment-rescheduling} process (Tilgungsplanänderung), shared by delegates, tests and callers. */
public final class RepaymentReschedulingProcess {

  public static final String KEY = "repayment-rescheduling";

  private RepaymentReschedulingProcess() {}

  /** Flow-node ids of bpmn/repayment-rescheduling.bpmn. */
  public static final class Activities {
    public static final String RESCHEDULING_WANTED = "StartEvent_ReschedulingWanted";
    public static final String LOAD_LOAN = "Task_LoadLoan";
    public static final String REQUEST_RESCHEDULING = "Task_RequestRescheduling";
    public static final String COMPUTE_PROPOSAL = "Task_ComputeProposal";
    public static final String APPROVE_RESCHEDULING = "Task_ApproveRescheduling";
    public static final String RECORD_DECISION = "Task_RecordDecision";
    public static final String RESCHEDULING_APPROVED = "Gateway_ReschedulingApproved";
    public static final String ACTIVATE_SCHEDULE = "Task_ActivateSchedule";
    public static final String NOTIFY_BANK = "Task_NotifyBank";
    public static final String SCHEDULE_CHANGED = "EndEvent_ScheduleChanged";
    public static final String RESCHEDULING_REJECTED = "EndEvent_ReschedulingRejected";

    private Activities() {}
  }

  /** Process variables; the first three come from the caller (servicing) or the start form. */
  public static final class Variables {
    public static final String LOAN_REFERENCE = "loanReference";
    /** Optional: derived from the loan when missing (start from Tasklist). */
    public static final String QUARTER_CODE = "quarterCode";
    /** Optional: the quarter's advisors or {@code microfinancer}, derived from the loan when missing. */
    public static final String ADVISOR_GROUP = "advisorGroup";
    /** Markdown: the current schedule, shown in the request form. */
    public static final String CURRENT_SCHEDULE = "currentScheduleMarkdown";
    /** One of {@link Kinds}. */
    public static final String KIND = "reschedulingKind";
    public static final String REASON = "reschedulingReason";
    /** LONGER_TERM: the new number of remaining instalments. */
    public static final String NEW_INSTALMENTS = "newInstalments";
    /** LOWER_INSTALMENT: the monthly instalment the borrower can pay (EUR). */
    public static final String TARGET_INSTALMENT = "targetInstalment";
    /** PAYMENT_PAUSE: 1-6 interest-only months. */
    public static final String PAUSE_MONTHS = "pauseMonths";
    /** Id of the {@code loan_reschedule_request} row (Long). */
    public static final String REQUEST_ID = "rescheduleRequestId";
    /** Markdown: old and new plan side by side, rendered by the approval form. */
    public static final String PROPOSAL = "reschedulingProposalMarkdown";
    /** One of {@link Decisions}. */
    public static final String DECISION = "reschedulingDecision";
    public static final String DECISION_COMMENT = "reschedulingComment";
    /** The schedule version created on approval (Integer). */
    public static final String SCHEDULE_VERSION = "scheduleVersion";
    /** Returned to the caller: one of {@link Outcomes}. */
    public static final String OUTCOME = "reschedulingOutcome";

    private Variables() {}
  }

  /** Values of {@link Variables#KIND}. */
  public static final class Kinds {
    public static final String LOWER_INSTALMENT = "LOWER_INSTALMENT";
    public static final String LONGER_TERM = "LONGER_TERM";
    public static final String PAYMENT_PAUSE = "PAYMENT_PAUSE";

    private Kinds() {}
  }

  /** Values of {@link Variables#DECISION} (form approve-rescheduling). */
  public static final class Decisions {
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private Decisions() {}
  }

  /** Values of {@link Variables#OUTCOME}. */
  public static final class Outcomes {
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    private Outcomes() {}
  }
}
