package de.quartierskredit.servicing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Step 9: when the monthly contact obligation opens, for every loan alike. Read by the model's event
 * sub-process timer as {@code ${servicingSettings.monthlyContactCycle}}: that timer is created when the
 * instance starts, before any start listener could set a variable.
 */
@Component("servicingSettings")
public class ServicingSettings {

  private final String monthlyContactCycle;

  ServicingSettings(@Value("${quartierskredit.servicing.monthly-contact-cycle}") String monthlyContactCycle) {
    this.monthlyContactCycle = monthlyContactCycle;
  }

  /** A Camunda (Quartz) cron expression, seconds first, e.g. {@code 0 0 6 1 * ?}. */
  public String getMonthlyContactCycle() {
    return monthlyContactCycle;
  }
}
