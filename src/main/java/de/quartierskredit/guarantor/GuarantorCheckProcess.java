package de.quartierskredit.guarantor;

/**
 * Names of the {@code guarantor-check} process (bpmn/guarantor-check.bpmn, DOMAIN.md step 4), used
 * by its delegates, by the calling process and by tests so that no id is typed twice.
 */
public final class GuarantorCheckProcess {

  public static final String KEY = "guarantor-check";
  public static final String FORM_RECORD_GUARANTORS = "record-guarantors";
  /** Guarantor slots on the form; the third is optional. */
  public static final int SLOTS = 3;

  private GuarantorCheckProcess() {}

  /** Flow node ids. */
  public static final class Activities {
    public static final String GUARANTOR_CHECK_REQUESTED = "StartEvent_GuarantorCheckRequested";
    public static final String GUARANTORS_TO_RECORD = "Gateway_GuarantorsToRecord";
    public static final String RECORD_GUARANTORS = "Task_RecordGuarantors";
    public static final String GUARANTOR_DECISION = "Gateway_GuarantorDecision";
    public static final String CHECK_GUARANTORS = "Task_CheckGuarantors";
    public static final String GUARANTORS_SUFFICIENT = "Gateway_GuarantorsSufficient";
    public static final String END_GUARANTORS_SUFFICIENT = "EndEvent_GuarantorsSufficient";
    public static final String END_FINANCED_PRIVATELY = "EndEvent_FinancedPrivately";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

    private Activities() {}
  }

  /** Process variables: inputs from the caller, form fields, and results for the caller. */
  public static final class Variables {
    // input (the caller passes them in; loanReference is also the business key)
    public static final String LOAN_REFERENCE = "loanReference";
    /** Number (Long, Integer, Double, BigDecimal) or plain decimal String; read with Money.fromVariable. */
    public static final String LOAN_AMOUNT = "loanAmount";
    /** Candidate group of the advisor task, e.g. advisors-offenbach or microfinancer. */
    public static final String ADVISOR_GROUP = "advisorGroup";

    // set at start for the form: half the loan amount rounded up, plain decimal String "2500.00"
    public static final String GUARANTOR_COVERAGE_REQUIRED = "guarantorCoverageRequired";

    // form record-guarantors
    /** One of {@link Decisions}. */
    public static final String GUARANTOR_DECISION = "guarantorDecision";

    // results of Task_CheckGuarantors
    public static final String GUARANTORS_SUFFICIENT = "guarantorsSufficient";
    public static final String GUARANTOR_CHECK_REASON = "guarantorCheckReason";
    /** Sum of the valid guarantees, plain decimal String "2500.00" (money is never a double). */
    public static final String GUARANTOR_COVERAGE = "guarantorCoverage";

    /** Result for the caller, one of {@link Outcomes}; set when the process ends. */
    public static final String GUARANTOR_OUTCOME = "guarantorOutcome";

    private Variables() {}

    public static String guarantorName(int slot) {
      return "guarantor" + slot + "Name";
    }

    public static String guarantorContact(int slot) {
      return "guarantor" + slot + "Contact";
    }

    public static String guarantorAmount(int slot) {
      return "guarantor" + slot + "Amount";
    }
  }

  /** What the advisor chose on the form (values of {@link Variables#GUARANTOR_DECISION}). */
  public static final class Decisions {
    public static final String RECORDED = "RECORDED";
    public static final String PRIVATE = "PRIVATE";
    public static final String WITHDRAWN = "WITHDRAWN";

    private Decisions() {}
  }

  /** How the check ended (values of {@link Variables#GUARANTOR_OUTCOME}). */
  public static final class Outcomes {
    public static final String SUFFICIENT = "SUFFICIENT";
    public static final String FINANCED_PRIVATELY = "FINANCED_PRIVATELY";
    public static final String WITHDRAWN = "WITHDRAWN";

    private Outcomes() {}
  }
}
