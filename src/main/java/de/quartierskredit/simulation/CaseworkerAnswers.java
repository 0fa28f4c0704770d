package de.quartierskredit.simulation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** What the simulated caseworkers enter in each servicing task (the same values a person would). */
final class CaseworkerAnswers {

  /** The tasks the simulated caseworkers complete; others (origination, bank) are left alone. */
  static final List<String> TASKS = List.of("Task_MonthlyContact", "Task_IntensiveContact",
      "Task_ClarifyOverdueContact", "Task_AgreeInterventionPlan", "Task_RequestRescheduling", "Task_ApproveRescheduling",
      "Task_OfferFollowUpLoan", "Task_CallOnGuarantors", "Task_WriteOffLoan", "Task_ApproveWriteOff",
      "Task_RecordQualityMeasures");

  private CaseworkerAnswers() {}

  /**
   * The form values for a task, or null for a task the simulation leaves alone. A contact records what the
   * borrower's month shows ({@link BorrowerBehaviour}); without one (fixed rates) every monthly contact is on
   * track and every intensive one reports a payment problem.
   */
  static Map<String, Object> answer(String taskKey, Random random, SimulationSettings settings, LocalDate today,
      BorrowerBehaviour.Month month) {
    Map<String, Object> v = new HashMap<>();
    switch (taskKey) {
      case "Task_MonthlyContact", "Task_IntensiveContact" -> {
        boolean intensive = "Task_IntensiveContact".equals(taskKey);
        BorrowerBehaviour.Contact contact = month == null
            ? intensive ? new BorrowerBehaviour.Contact("PAYMENT_PROBLEM", "STRAINED")
                : new BorrowerBehaviour.Contact("ON_TRACK", "STABLE")
            : intensive ? month.intensiveContact() : month.monthlyContact();
        v.put("contactChannel", random.nextBoolean() ? "VISIT" : "PHONE");
        v.put("contactOutcome", contact.outcome());
        v.put("businessSituation", contact.situation());
        v.put("contactNotes", "Simulierter Kontakt");
        v.put("contactedOn", today.toString());
      }
      case "Task_ClarifyOverdueContact" -> {
        v.put("overdueReason", "ADVISOR_ABSENT");
        v.put("overdueAction", "Vertretung übernimmt den Kontakt.");
      }
      case "Task_AgreeInterventionPlan" -> {
        v.put("interventionMeasures", "Engere Begleitung, Liquiditätsplanung");
        v.put("softTopics", "Familie");
        v.put("interventionNextStep", random.nextDouble() < settings.rescheduleShare() ? "RESCHEDULE" : "SUPPORT");
        v.put("microfinancerAgreed", true);
      }
      case "Task_RequestRescheduling" -> {
        v.put("reschedulingKind", "PAYMENT_PAUSE");
        v.put("pauseMonths", 2L);
        v.put("reschedulingReason", "Simulierte Zahlungsstörung");
      }
      case "Task_ApproveRescheduling" -> {
        v.put("reschedulingDecision", "APPROVE");
        v.put("reschedulingComment", "Simulation");
      }
      case "Task_OfferFollowUpLoan" -> v.put("followUpWanted", "NO");
      case "Task_CallOnGuarantors" -> { }
      case "Task_WriteOffLoan" -> {
        v.put("writeOffConfirmed", true);
        v.put("writeOffNote", "Simulierter Ausfall");
      }
      case "Task_ApproveWriteOff" -> v.put("writeOffDecision", "APPROVE");
      case "Task_RecordQualityMeasures" -> v.put("qualityMeasures", "Simulation: intensivere Begleitung");
      default -> {
        return null;
      }
    }
    return v;
  }
}
