package de.quartierskredit.contract;

/** Names of the {@code bank-contract} process (Kreditvertrag und Auszahlung), shared by delegates, tests and callers. */
public final class BankContractProcess {

  public static final String KEY = "bank-contract";

  private BankContractProcess() {}

  /** Flow-node ids of bpmn/bank-contract.bpmn. */
  public static final class Activities {
    public static final String SEND_RECOMMENDATION = "Task_SendRecommendation";
    public static final String CONTRACT_SIGNING = "SubProcess_ContractSigning";
    public static final String CONFIRM_CONTRACT = "Task_ConfirmContract";
    public static final String SIGNING_OVERDUE = "BoundaryEvent_SigningOverdue";
    public static final String FOLLOW_UP_CONTRACT = "Task_FollowUpContract";
    public static final String FOLLOWED_UP = "EndEvent_FollowedUp";
    public static final String CONTRACT_SIGNED = "BoundaryEvent_ContractSigned";
    public static final String RECORD_CONTRACT = "Task_RecordContract";
    public static final String CONFIRM_DISBURSEMENT = "Task_ConfirmDisbursement";
    public static final String LOAN_DISBURSED_MESSAGE = "BoundaryEvent_LoanDisbursed";
    public static final String ACTIVATE_LOAN = "Task_ActivateLoan";
    public static final String LOAN_DISBURSED = "EndEvent_LoanDisbursed";
    public static final String CONTRACT_CANCELLED = "EndEvent_ContractCancelled";

    private Activities() {}
  }

  /** Process variables; the first four come from the calling loan-application. */
  public static final class Variables {
    public static final String LOAN_REFERENCE = "loanReference";
    public static final String ADVISOR_GROUP = "advisorGroup";
    /** Optional; else {@code quartierskredit.loan.default-term-months}. Integer. */
    public static final String TERM_MONTHS = "termMonths";
    /** Optional; else {@code quartierskredit.loan.default-annual-interest-rate}. Kept as a String (exact decimal). */
    public static final String ANNUAL_INTEREST_RATE = "annualInterestRate";
    /** ISO-8601 duration of the signing escalation timer; else {@code quartierskredit.contract.escalation-after}. */
    public static final String CONTRACT_ESCALATION_AFTER = "contractEscalationAfter";
    /** The approved amount formatted for the forms, e.g. {@code 5.000,00 EUR}. */
    public static final String APPROVED_AMOUNT = "approvedAmount";
    public static final String CONTRACT_NUMBER = "contractNumber";
    /** ISO date {@code yyyy-MM-dd}: form field or ContractSigned payload. */
    public static final String CONTRACT_SIGNED_ON = "contractSignedOn";
    /** ISO date {@code yyyy-MM-dd} of the value date: form field or LoanDisbursed payload. */
    public static final String DISBURSED_ON = "disbursedOn";
    /** Amount paid out, a number or a decimal string: form field or LoanDisbursed payload. */
    public static final String DISBURSED_AMOUNT = "disbursedAmount";
    public static final String FOLLOW_UP_RESULT = "followUpResult";
    public static final String FOLLOW_UP_NOTE = "followUpNote";
    public static final String CONTRACT_OUTCOME = "contractOutcome";

    private Variables() {}
  }

  /** Messages the bank events API correlates by business key (the loan reference). */
  public static final class Messages {
    public static final String CONTRACT_SIGNED = "ContractSigned";
    public static final String LOAN_DISBURSED = "LoanDisbursed";

    private Messages() {}
  }

  /** Values of {@link Variables#CONTRACT_OUTCOME} returned to loan-application. */
  public static final class Outcomes {
    public static final String DISBURSED = "DISBURSED";
    public static final String CANCELLED = "CANCELLED";

    private Outcomes() {}
  }

  /** Values of {@link Variables#FOLLOW_UP_RESULT} (form follow-up-contract). */
  public static final class FollowUpResults {
    public static final String WAITING = "WAITING";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String BANK_DECLINED = "BANK_DECLINED";

    private FollowUpResults() {}
  }
}
