package de.quartierskredit.loanfile;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link LoanStory} for tests of other packages (the browser tests). */
public final class LoanFileStories {

  private LoanFileStories() {}

  /** A new Offenbach loan waiting for the committee's decision; its reference. */
  public static String atCommittee(RuntimeService runtime, TaskService tasks, ManagementService management,
      IdentityService identity, JdbcClient jdbc, TestRestTemplate rest, String businessName, long amount) {
    return new LoanStory(runtime, tasks, management, identity, jdbc, rest).untilCommittee(businessName, amount).reference;
  }
}
