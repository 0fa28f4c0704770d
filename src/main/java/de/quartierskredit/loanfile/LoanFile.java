package de.quartierskredit.loanfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The loan file (Kreditakte): one loan's whole story as people read it, assembled from our tables
 * only (never from engine variables, which data protection erases). Every value is display text:
 * amounts {@code 8.000,00 EUR}, dates {@code 01.12.2026}, codes as German words, people as
 * "Vorname Nachname (Kennung)", and "gelöscht" where personal data has been erased.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoanFile(
    String reference,
    String state,
    String stateLabel,
    String printedOn,
    boolean personalDataErased,
    Applicant applicant,
    Business business,
    Application application,
    Advice advice,
    Guarantors guarantors,
    List<CommitteeDecision> committeeDecisions,
    Fund fund,
    Contract contract,
    Repayment repayment,
    Schedule schedule,
    List<Payment> payments,
    List<Contact> contacts,
    List<MissedContact> missedContacts,
    List<Warning> warnings,
    List<Intervention> interventions,
    List<Rescheduling> reschedulings,
    WriteOff writeOff,
    Documents documents,
    Audit audit,
    List<TimelineEntry> timeline) {

  /** "gelöscht": what the file prints where personal data was erased. */
  public static final String ERASED = "gelöscht";

  public record Applicant(String name, String email, String phone, String sgb2Recipient) {}

  public record Business(String name, String stage, String sector, String address, String quarter) {}

  public record Application(String purpose, String requestedAmount, String grantedAmount, String eligibilityRoute,
      String appliedOn, String approvedOn, String contractedOn, String disbursedOn, String closedOn, String endedReason) {}

  public record Advice(String advisor, String on, String result) {}

  public record Guarantor(String name, String contact, String amount, String recovered) {}

  public record Guarantors(List<Guarantor> list, String covered, String required, String shareOfAmount, boolean ruleMet,
      String ruleText) {}

  public record CommitteeDecision(String decision, String reason, String amount, int votesFor, int votesAgainst,
      int abstentions, String votes, String decidedBy, String decidedOn, String missingDocuments,
      String missingDocumentsReason) {}

  public record Fund(String liableParty, String fundName, String reservedPrincipal, String outstandingPrincipal) {}

  public record Contract(String contractNumber, String signedOn, String disbursedOn, String amount, String termMonths,
      String interestRate, String recommendationSentOn) {}

  public record Repayment(String instalmentsPaid, String arrears, String nextDueOn, String nextInstalment,
      String disturbed, String disturbedSince) {}

  public record ScheduleLine(int instalmentNo, String dueOn, String instalment, String interest, String principal,
      String paid, String state, boolean inArrears) {}

  public record Schedule(int version, String reason, String createdOn, String principal, String interestRate,
      int versions, List<ScheduleLine> lines) {}

  public record Payment(String valueDate, String type, String amount, String receivedOn, String answer) {}

  public record Contact(String month, String contactedOn, String kind, String channel, String outcome,
      String businessSituation, String notes, String recordedBy) {}

  public record MissedContact(String month, String dueOn, String fulfilledOn, String reason, String action,
      String clarifiedBy) {}

  public record Warning(String raisedOn, String reasons, String clearedOn, String clearedBecause) {}

  public record Intervention(String openedOn, String disturbedSince, String arrears, String defaultDueOn, String measures,
      String softTopics, String nextStep, String planAgreedBy, String planAgreedOn, String reschedulingOutcome,
      String outcome, String closedOn) {}

  public record Rescheduling(String kind, String reason, String status, String submittedOn, String submittedBy,
      String instalments, String instalment, String pauseMonths, String decidedOn, String decidedBy, String comment,
      String scheduleVersion) {}

  public record Recovery(String guarantor, String amount, String recordedBy, String recordedOn) {}

  public record Loss(String bearer, String amount, String allocatedOn) {}

  public record WriteOff(String requestedBy, String requestedOn, String approvedBy, String approvedOn,
      List<String> rejections, List<Recovery> recoveries, List<Loss> losses) {}

  public record Document(String stage, String type, String fileName, String uploadedBy, String uploadedOn,
      String status, String downloadUrl) {}

  /** One item of the document checklist: what is required at which stage and whether it is there. */
  public record ChecklistItem(String stage, String item, String required, String status) {}

  /** The documents section: the checklist of the stages reached and every stored file. */
  public record Documents(List<ChecklistItem> checklist, List<Document> files) {}

  public record AuditEntry(int sequenceNo, String on, String action, String actor, String secondActor,
      String description) {}

  public record Audit(boolean chainIntact, String chainText, List<AuditEntry> entries) {}

  public record TimelineEntry(String on, String step, String person, String detail) {}

  /**
   * The same file with its documents and audit trail (read by their own features); the committee's
   * missing documents, stored as checklist codes, named by {@code documentLabels} (code to German name).
   */
  LoanFile with(Documents documents, Audit audit, java.util.Map<String, String> documentLabels) {
    List<CommitteeDecision> decisions = committeeDecisions.stream().map(d -> new CommitteeDecision(d.decision(),
        d.reason(), d.amount(), d.votesFor(), d.votesAgainst(), d.abstentions(), d.votes(), d.decidedBy(),
        d.decidedOn(), Labels.list(documentLabels, d.missingDocuments().equals("–") ? null : d.missingDocuments()),
        d.missingDocumentsReason())).toList();
    return new LoanFile(reference, state, stateLabel, printedOn, personalDataErased, applicant, business, application,
        advice, guarantors, decisions, fund, contract, repayment, schedule, payments, contacts, missedContacts,
        warnings, interventions, reschedulings, writeOff, documents, audit, timeline);
  }
}
