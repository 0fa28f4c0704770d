package de.quartierskredit.privacy;

/** Keys and ids of {@code data-protection-erasure} (bpmn/data-protection-erasure.bpmn), for delegates and tests. */
public final class DataProtectionErasureProcess {

  public static final String KEY = "data-protection-erasure";

  private DataProtectionErasureProcess() {}

  public static final class Activities {
    public static final String ERASURE_DUE = "StartEvent_ErasureDue";
    public static final String ERASE_DUE_CASES = "Task_EraseDueCases";
    public static final String ERASURE_DONE = "EndEvent_ErasureDone";

    private Activities() {}
  }

  public static final class Variables {
    /** How many cases the run erased (a figure, no personal data). */
    public static final String ERASED_CASES = "erasedCases";

    private Variables() {}
  }
}
