package de.quartierskredit.document;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.document.DocumentChecklist.Entry;
import de.quartierskredit.support.QuartierskreditTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The checklist table bpmn/document-checklist.dmn at its edges (every stage and business stage, with and
 * without SGB II), read without engine history, and a redeployed table taking effect on the next read.
 */
@QuartierskreditTest
class DocumentChecklistTest {

  @Autowired DocumentChecklist checklist;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;

  private static List<String> types(List<Entry> entries) {
    return entries.stream().map(e -> e.type() + (e.required() ? "" : "?")).toList();
  }

  @ParameterizedTest(name = "{0} {1} SGB II {2}")
  @CsvSource({
      "APPLICATION, NEW_FOUNDER, false, ID_DOCUMENT BUSINESS_PLAN PROOF_OF_INCOME GUARANTOR_DECLARATIONS",
      "APPLICATION, NEW_FOUNDER, true,  ID_DOCUMENT BUSINESS_PLAN PROOF_OF_INCOME GUARANTOR_DECLARATIONS",
      "APPLICATION, TAKEOVER,    false, ID_DOCUMENT BUSINESS_PLAN PROOF_OF_INCOME GUARANTOR_DECLARATIONS",
      "APPLICATION, TAKEOVER,    true,  ID_DOCUMENT BUSINESS_PLAN PROOF_OF_INCOME GUARANTOR_DECLARATIONS",
      "APPLICATION, EXISTING,    false, ID_DOCUMENT BUSINESS_PLAN? BUSINESS_FIGURES PROOF_OF_INCOME GUARANTOR_DECLARATIONS",
      "APPLICATION, EXISTING,    true,  ID_DOCUMENT BUSINESS_PLAN? BUSINESS_FIGURES PROOF_OF_INCOME GUARANTOR_DECLARATIONS",
      "CONTRACT,    NEW_FOUNDER, false, SIGNED_CONTRACT",
      "CONTRACT,    TAKEOVER,    true,  SIGNED_CONTRACT",
      "CONTRACT,    EXISTING,    false, SIGNED_CONTRACT"})
  void shouldListTheItemsOfEachStageInRuleOrder(DocumentStage stage, String businessStage, boolean sgb2,
      String expected) {
    List<Entry> entries = checklist.items(stage, businessStage, sgb2);

    assertThat(types(entries)).containsExactly(expected.split(" "));
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.stage()).isEqualTo(stage);
      assertThat(e.label()).isNotBlank();
      assertThat(e.hint()).isNotBlank().doesNotContain("_");
    });
  }

  @Test
  void shouldNameTheJobcentersNoticeAsProofOfIncomeForSgb2Recipients() {
    Entry withSgb2 = checklist.items(DocumentStage.APPLICATION, "NEW_FOUNDER", true).stream()
        .filter(e -> e.type().equals("PROOF_OF_INCOME")).findFirst().orElseThrow();
    Entry without = checklist.items(DocumentStage.APPLICATION, "NEW_FOUNDER", false).stream()
        .filter(e -> e.type().equals("PROOF_OF_INCOME")).findFirst().orElseThrow();

    assertThat(withSgb2.label()).contains("Jobcenter");
    assertThat(without.label()).doesNotContain("Jobcenter");
  }

  @Test
  void shouldReadTheChecklistWithoutWritingEngineHistory() {
    long before = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(DocumentChecklist.DECISION_KEY).count();

    checklist.items(DocumentStage.APPLICATION, "EXISTING", false);
    checklist.items(DocumentStage.CONTRACT, "EXISTING", false);

    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(DocumentChecklist.DECISION_KEY)
        .count()).isEqualTo(before);
  }

  @Test
  void shouldUseARedeployedTableOnTheNextRead() throws IOException {
    String original = new ClassPathResource("bpmn/document-checklist.dmn").getContentAsString(StandardCharsets.UTF_8);
    String changed = original.replace("\"Personalausweis oder Pass\"", "\"Personalausweis, Pass oder Aufenthaltstitel\"")
        .replace("<outputEntry id=\"Literal_GuarantorDeclarations_Required\"><text>true</text>",
            "<outputEntry id=\"Literal_GuarantorDeclarations_Required\"><text>false</text>");
    assertThat(changed).isNotEqualTo(original);
    checklist.items(DocumentStage.APPLICATION, "NEW_FOUNDER", false); // the current table is cached now

    Deployment deployment = repository.createDeployment().name("document-checklist-test")
        .addString("document-checklist.dmn", changed).deploy();
    try {
      List<Entry> entries = checklist.items(DocumentStage.APPLICATION, "NEW_FOUNDER", false);

      assertThat(entries.get(0).label()).isEqualTo("Personalausweis, Pass oder Aufenthaltstitel");
      assertThat(types(entries)).contains("GUARANTOR_DECLARATIONS?");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
    assertThat(checklist.items(DocumentStage.APPLICATION, "NEW_FOUNDER", false).get(0).label())
        .isEqualTo("Personalausweis oder Pass");
  }
}
