package de.quartierskredit.application;

import java.net.URI;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications}: records an application from another system (e.g. a partner's
 * intake form). It starts {@code loan-application} exactly as the start form does, so the same
 * server-side validation applies and a refused application leaves nothing behind.
 */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

  private final RuntimeService runtime;

  ApplicationController(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @PostMapping(consumes = "application/json", produces = "application/json")
  ResponseEntity<ApplicationCreated> submit(@RequestBody ApplicationRequest body) {
    ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(LoanApplicationProcess.KEY)
        .setVariables(body.toVariables())
        .executeWithVariablesInReturn();
    String reference = (String) instance.getVariables().get(LoanApplicationProcess.Variables.LOAN_REFERENCE);
    return ResponseEntity.created(URI.create("/api/applications/" + reference))
        .body(new ApplicationCreated(reference, instance.getId()));
  }

  /** The answer: the loan's reference (its business key) and the process instance. */
  record ApplicationCreated(String reference, String processInstanceId) {}
}
