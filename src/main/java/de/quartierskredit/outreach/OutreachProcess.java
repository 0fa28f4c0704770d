package de.quartierskredit.outreach;

/** Ids and variable names of {@code bpmn/outreach.bpmn}, shared by delegates and tests. */
public final class OutreachProcess {

  public static final String KEY = "outreach";

  private OutreachProcess() {}

  /** Flow node ids. */
  public static final class Activities {
    public static final String RECORD_CONTACT = "Task_RecordContact";
    public static final String CAPTURE_APPLICATION = "Task_CaptureApplication";
    public static final String START_APPLICATION = "Task_StartApplication";
    public static final String END_APPLICATION_STARTED = "EndEvent_ApplicationStarted";
    public static final String END_REFERRED_TO_ADVICE = "EndEvent_ReferredToAdvice";
    public static final String END_CONTACT_ENDED = "EndEvent_ContactEnded";

    private Activities() {}
  }

  /** Process variables (the contact form's keys). */
  public static final class Variables {
    public static final String QUARTER_CODE = "quarterCode";
    public static final String CONTACT_TYPE = "contactType";
    public static final String REFERRAL_PARTNER = "referralPartner";
    public static final String CONTACT_PERSON = "contactPerson";
    public static final String BUSINESS_NAME = "businessName";
    public static final String CONTACT_OUTCOME = "contactOutcome";
    public static final String REFERRAL_OFFER = "referralOffer";
    public static final String CONTACT_NOTES = "contactNotes";
    public static final String ADVISOR_GROUP = "advisorGroup";
    public static final String LOAN_REFERENCE = "loanReference";

    private Variables() {}
  }

  /** How the advisor met the person (DOMAIN.md step 1). */
  public enum ContactType { SHOP_VISIT, OFFICE_HOURS, INFORMATION_EVENT, PARTNER_REFERRAL }

  /** Where the contact led. */
  public enum Outcome { APPLICATION, REFERRED_TO_ADVICE, ENDED }
}
