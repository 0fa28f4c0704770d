package de.quartierskredit.application;

/** Ids and variable names of {@code bpmn/loan-application.bpmn}, shared by delegates and tests. */
public final class LoanApplicationProcess {

  public static final String KEY = "loan-application";

  private LoanApplicationProcess() {}

  /** Flow node ids. */
  public static final class Activities {
    public static final String START = "StartEvent_ApplicationReceived";
    public static final String REGISTER = "Task_RegisterApplication";
    public static final String ADVISE = "Task_AdviseApplicant";
    public static final String RECORD_REDUCED_NEED = "Task_RecordReducedNeed";
    public static final String CHECK_ELIGIBILITY = "Task_CheckEligibility";
    public static final String GUARANTOR_CHECK = "CallActivity_GuarantorCheck";
    public static final String COMMITTEE = "CallActivity_CommitteeDecision";
    public static final String BANK_CONTRACT = "CallActivity_BankContract";
    public static final String END_OTHER_FINANCING = "EndEvent_OtherFinancingFound";
    public static final String EXPLAIN_REFERRAL = "Task_ExplainReferral";
    public static final String END_REFERRED = "EndEvent_Referred";
    public static final String END_FINANCED_PRIVATELY = "EndEvent_FinancedPrivately";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String EXPLAIN_REJECTION = "Task_ExplainRejection";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String START_SERVICING = "Task_StartServicing";
    public static final String END_DISBURSED = "EndEvent_LoanDisbursed";

    private Activities() {}
  }

  /** Process variables (the start form and the advice form use the same names). */
  public static final class Variables {
    public static final String LOAN_REFERENCE = "loanReference";
    public static final String LOAN_AMOUNT = "loanAmount";
    /** The amount for display on forms: {@code 6.000,00 EUR}. */
    public static final String LOAN_AMOUNT_TEXT = "loanAmountText";
    public static final String QUARTER_CODE = "quarterCode";
    public static final String QUARTER_NAME = "quarterName";
    public static final String ADVISOR_GROUP = "advisorGroup";
    public static final String COMMITTEE_GROUP = "committeeGroup";
    public static final String SGB2_RECIPIENT = "sgb2Recipient";
    public static final String COMMERCIAL_PURPOSE = "commercialPurpose";
    public static final String ADVICE_OUTCOME = "adviceOutcome";
    public static final String REDUCED_AMOUNT = "reducedAmount";
    public static final String BUSINESS_POTENTIAL = "businessPotential";
    public static final String ELIGIBILITY_ROUTE = "eligibilityRoute";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    public static final String ELIGIBILITY_WARNINGS = "eligibilityWarnings";
    public static final String QUARTER_LOAN = "quarterLoan";
    /** Input parameter of the ending service tasks: the loan state the case ends in. */
    public static final String END_STATE = "endState";
    public static final String END_REASON = "endReason";

    private Variables() {}
  }

  /** What the advice talk came to. */
  public enum AdviceOutcome { CONTINUE, NEED_REDUCED, OTHER_FINANCING }
}
