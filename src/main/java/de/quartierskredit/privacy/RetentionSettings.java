package de.quartierskredit.privacy;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quartierskredit.retention.*}: the retention periods of {@link RetentionPolicy} (ISO-8601 periods
 * and years) and how many cases one run of the nightly erasure handles.
 */
@ConfigurationProperties("quartierskredit.retention")
record RetentionSettings(
    @DefaultValue("P6M") Period applicationWithoutLoan,
    @DefaultValue("P6M") Period contactWithoutApplication,
    @DefaultValue("10") int bookkeepingYears,
    @DefaultValue("200") int erasureBatchSize) {

  RetentionPolicy policy() {
    return new RetentionPolicy(applicationWithoutLoan, contactWithoutApplication, bookkeepingYears);
  }
}
