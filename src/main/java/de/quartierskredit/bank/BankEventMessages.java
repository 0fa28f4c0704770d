package de.quartierskredit.bank;

/**
 * Messages the bank events API correlates to the {@code loan-servicing} process (business key = loan
 * reference) when the repayment ledger changes state; nothing waiting is no error, the loan table
 * stays the truth. Shared with the servicing process and its tests.
 */
public final class BankEventMessages {

  /** The servicing process these messages are meant for. */
  public static final String SERVICING_PROCESS_KEY = "loan-servicing";

  /** The loan went from not disturbed to disturbed (arrears > 0). */
  public static final String LOAN_DISTURBED = "LoanDisturbed";
  /** The arrears of a disturbed loan went back to 0. */
  public static final String ARREARS_CLEARED = "ArrearsCleared";
  /** Everything is paid: outstanding principal 0 and nothing owed on the schedule. */
  public static final String LOAN_REPAID = "LoanRepaid";

  private BankEventMessages() {}

  /** Variables set on the correlated process instance. */
  public static final class Variables {
    /** Arrears as text with two decimals, e.g. {@code "123.45"} (LoanDisturbed, ArrearsCleared: "0.00"). */
    public static final String ARREARS = "arrears";
    /** ISO date {@code yyyy-MM-dd} the loan became disturbed (LoanDisturbed). */
    public static final String DISTURBED_SINCE = "disturbedSince";
    /** ISO date of the bank event's value date that cleared the arrears (ArrearsCleared). */
    public static final String CLEARED_ON = "arrearsClearedOn";
    /** ISO date of the value date of the last payment (LoanRepaid). */
    public static final String REPAID_ON = "repaidOn";

    private Variables() {}
  }
}
