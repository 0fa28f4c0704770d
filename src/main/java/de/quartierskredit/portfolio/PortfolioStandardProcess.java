package de.quartierskredit.portfolio;

/** Ids and variable names of {@code bpmn/portfolio-standard.bpmn} (the 15th of each month). */
public final class PortfolioStandardProcess {

  public static final String KEY = "portfolio-standard";

  private PortfolioStandardProcess() {}

  /** Flow node ids. */
  public static final class Activities {
    public static final String TAKE_SNAPSHOT = "Task_TakeSnapshot";
    public static final String RECORD_MEASURES = "Task_RecordQualityMeasures";
    public static final String STORE_MEASURES = "Task_StoreQualityMeasures";
    public static final String END_STANDARD_KEPT = "EndEvent_StandardKept";
    public static final String END_MEASURES_RECORDED = "EndEvent_MeasuresRecorded";

    private Activities() {}
  }

  /** Process variables. */
  public static final class Variables {
    /** ISO date of the reporting day; the timer start leaves it empty and today is used. */
    public static final String REPORTING_DATE = "reportingDate";
    public static final String ABOVE_STANDARD = "aboveStandard";
    public static final String BREACHED_SCOPES = "breachedScopes";
    public static final String SUMMARY = "qualityAssuranceSummary";
    public static final String MEASURES = "qualityMeasures";

    private Variables() {}
  }
}
