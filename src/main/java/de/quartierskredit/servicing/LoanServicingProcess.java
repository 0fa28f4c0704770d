package de.quartierskredit.servicing;

/** Ids, variables and messages of {@code bpmn/loan-servicing.bpmn} (Kreditbegleitung), shared by delegates and tests. */
public final class LoanServicingProcess {

  public static final String KEY = "loan-servicing";
  /** Called by the intervention; built by the rescheduling feature (Tilgungsplanänderung). */
  public static final String RESCHEDULING_KEY = "repayment-rescheduling";

  private LoanServicingProcess() {}

  /** Flow node ids. */
  public static final class Activities {
    public static final String START = "StartEvent_LoanDisbursed";
    public static final String LOAN_COURSE = "Gateway_LoanCourse";
    public static final String LOAN_REPAID = "CatchEvent_LoanRepaid";
    public static final String LOAN_DISTURBED = "CatchEvent_LoanDisturbed";
    public static final String OPEN_INTERVENTION = "Task_OpenIntervention";
    public static final String INTERVENTION = "SubProcess_Intervention";
    public static final String AGREE_INTERVENTION_PLAN = "Task_AgreeInterventionPlan";
    public static final String RESCHEDULING = "CallActivity_RepaymentRescheduling";
    public static final String PLAN_IMPLEMENTED = "EndEvent_PlanImplemented";
    public static final String INTENSIVE_CONTACT = "Task_IntensiveContact";
    public static final String NEXT_INTENSIVE_CONTACT = "TimerEvent_NextIntensiveContact";
    public static final String ARREARS_CLEARED = "BoundaryEvent_ArrearsCleared";
    public static final String REPAID_DURING_INTERVENTION = "BoundaryEvent_RepaidDuringIntervention";
    public static final String DEFAULT_PERIOD_EXPIRED = "BoundaryEvent_DefaultPeriodExpired";
    public static final String RESOLVE_INTERVENTION = "Task_ResolveIntervention";
    public static final String CLOSE_REPAID_LOAN = "Task_CloseRepaidLoan";
    public static final String OFFER_FOLLOW_UP_LOAN = "Task_OfferFollowUpLoan";
    public static final String START_FOLLOW_UP_APPLICATION = "Task_StartFollowUpApplication";
    public static final String FOLLOW_UP_APPLIED = "EndEvent_FollowUpApplied";
    public static final String LOAN_CLOSED = "EndEvent_LoanRepaid";
    public static final String MARK_DEFAULTED = "Task_MarkLoanDefaulted";
    public static final String CALL_ON_GUARANTORS = "Task_CallOnGuarantors";
    public static final String ALLOCATE_LOSS = "Task_AllocateLoss";
    public static final String WRITE_OFF = "Task_WriteOffLoan";
    /** Four eyes: a second person of the microfinancer approves the write-off before the loss is booked. */
    public static final String APPROVE_WRITE_OFF = "Task_ApproveWriteOff";
    public static final String WRITE_OFF_APPROVED = "Gateway_WriteOffApproved";
    public static final String CLOSE_WRITTEN_OFF = "Task_CloseWrittenOffLoan";
    public static final String WRITTEN_OFF = "EndEvent_LoanWrittenOff";
    public static final String MONTHLY_CONTACT_SUBPROCESS = "SubProcess_MonthlyContact";
    public static final String MONTHLY_CONTACT_DUE = "StartEvent_MonthlyContactDue";
    public static final String OPEN_CONTACT_OBLIGATION = "Task_OpenContactObligation";
    public static final String NO_CONTACT_NEEDED = "EndEvent_NoContactNeeded";
    public static final String MONTHLY_CONTACT = "Task_MonthlyContact";
    public static final String CONTACT_RECORDED = "EndEvent_ContactRecorded";
    public static final String CONTACT_OVERDUE = "BoundaryEvent_ContactOverdue";
    public static final String CLARIFY_OVERDUE_CONTACT = "Task_ClarifyOverdueContact";

    private Activities() {}
  }

  /** Process variables. The first three come from loan-application. */
  public static final class Variables {
    public static final String LOAN_REFERENCE = "loanReference";
    public static final String QUARTER_CODE = "quarterCode";
    public static final String ADVISOR_GROUP = "advisorGroup";
    /** ISO-8601 duration between intensive contacts; else {@code quartierskredit.servicing.intensive-contact-every}. */
    public static final String INTENSIVE_CONTACT_EVERY = "intensiveContactEvery";
    /** ISO-8601 period without payment after which a disturbed loan defaults. */
    public static final String DEFAULT_AFTER = "defaultAfter";
    /** Payload of LoanDisturbed: arrears as text ("123.45") and ISO date. */
    public static final String ARREARS = "arrears";
    public static final String DISTURBED_SINCE = "disturbedSince";
    /** Display copies for the intervention form, German notation ("228,19 EUR", "05.11.2026"); read by nothing. */
    public static final String ARREARS_TEXT = "arrearsText";
    public static final String DISTURBED_SINCE_TEXT = "disturbedSinceText";
    /** Set by the contact obligation: is a monthly contact task needed, for which month, due when. */
    public static final String CONTACT_DUE = "contactDue";
    public static final String CONTACT_MONTH = "contactMonth";
    /** Display copy of the month for the forms ("November 2026"); read by nothing. */
    public static final String CONTACT_MONTH_TEXT = "contactMonthText";
    public static final String CONTACT_DUE_DATE = "contactDueDate";
    /**
     * Task-local display copy on a flagged loan's contact task: its early warning in German ("seit 01.03.2031:
     * Lage des Betriebs angespannt"), listed by the Tasklist filters; read by nothing, no form field.
     */
    public static final String CASE_WARNING = "caseWarning";
    /** Local input of the contact tasks: MONTHLY or INTENSIVE. */
    public static final String CONTACT_KIND = "contactKind";
    public static final String CONTACT_CHANNEL = "contactChannel";
    public static final String CONTACT_OUTCOME = "contactOutcome";
    public static final String BUSINESS_SITUATION = "businessSituation";
    public static final String CONTACT_NOTES = "contactNotes";
    public static final String CONTACTED_ON = "contactedOn";
    public static final String OVERDUE_REASON = "overdueReason";
    public static final String OVERDUE_ACTION = "overdueAction";
    /** Candidate groups of the intervention plan: the advisors and the microfinancer. */
    public static final String INTERVENTION_GROUPS = "interventionGroups";
    public static final String DEFAULT_DUE_AT = "defaultDueAt";
    public static final String INTERVENTION_MEASURES = "interventionMeasures";
    public static final String SOFT_TOPICS = "softTopics";
    public static final String MICROFINANCER_AGREED = "microfinancerAgreed";
    public static final String INTERVENTION_NEXT_STEP = "interventionNextStep";
    /** Out of repayment-rescheduling: APPROVED or REJECTED. */
    public static final String RESCHEDULING_OUTCOME = "reschedulingOutcome";
    public static final String OFFER_FOLLOW_UP = "offerFollowUp";
    public static final String FOLLOW_UP_REASON = "followUpReason";
    public static final String FOLLOW_UP_WANTED = "followUpWanted";
    public static final String FOLLOW_UP_AMOUNT = "followUpAmount";
    public static final String FOLLOW_UP_PURPOSE = "followUpPurpose";
    public static final String FOLLOW_UP_LOAN_REFERENCE = "followUpLoanReference";
    public static final String OUTSTANDING_AT_DEFAULT = "outstandingAtDefault";
    public static final String GUARANTOR_COUNT = "guarantorCount";
    public static final String GUARANTOR_SUMMARY = "guarantorSummary";
    /** Form fields guarantor1Paid .. guarantor3Paid: what each guarantor paid. */
    public static final String GUARANTOR_PAID_PREFIX = "guarantor";
    public static final String GUARANTOR_PAID_SUFFIX = "Paid";
    public static final String LOSS_ALLOCATION_SUMMARY = "lossAllocationSummary";
    public static final String WRITE_OFF_CONFIRMED = "writeOffConfirmed";
    public static final String WRITE_OFF_NOTE = "writeOffNote";
    /** Display copy for the approval form: who asked for the write-off (the record is loan_participant). */
    public static final String WRITE_OFF_REQUESTED_BY = "writeOffRequestedBy";
    /** The second person's answer: {@link WriteOffDecision}. */
    public static final String WRITE_OFF_DECISION = "writeOffDecision";
    /** Why the write-off was rejected (required then), shown when guarantors and write-off are done again. */
    public static final String WRITE_OFF_REJECTION_REASON = "writeOffRejectionReason";

    private Variables() {}
  }

  /** Messages the bank events API correlates by business key (the loan reference), correlateAll. */
  public static final class Messages {
    public static final String LOAN_DISTURBED = "LoanDisturbed";
    public static final String ARREARS_CLEARED = "ArrearsCleared";
    public static final String LOAN_REPAID = "LoanRepaid";

    private Messages() {}
  }

  /** Values of {@link Variables#CONTACT_KIND}. */
  public enum ContactKind { MONTHLY, INTENSIVE }

  /** Values of {@link Variables#INTERVENTION_NEXT_STEP}: keep supporting, or change the repayment plan. */
  public enum NextStep { SUPPORT, RESCHEDULE }

  /** How an intervention ended (intervention.outcome). */
  public enum InterventionOutcome { RESOLVED, REPAID, DEFAULTED }

  /** Values of {@link Variables#WRITE_OFF_DECISION}. */
  public enum WriteOffDecision { APPROVE, REJECT }

  /** Who bears a loss (loss_allocation.bearer). */
  public enum LossBearer { LOCAL_FUND, MICROFINANCER, NATIONAL_FUND }
}
