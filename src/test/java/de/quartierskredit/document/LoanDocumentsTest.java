package de.quartierskredit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.UnknownLoanException;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.system.engine.ModelDeploymentConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Java API other features use (the loan file, the committee, erasure). */
@QuartierskreditTest
class LoanDocumentsTest {

  @Autowired LoanDocuments documents;
  @Autowired LoanRepository loans;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repository;

  @Test
  void shouldListFilesNewestFirstWithTheChecklistAndWhatIsMissing() {
    DocumentFixtures fixtures = new DocumentFixtures(loans, rest);
    String reference = fixtures.application("offenbach");
    fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "alt.pdf", TestFiles.pdf("1"));
    fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "neu.pdf", TestFiles.pdf("2"));

    var files = documents.of(reference);
    var missing = documents.missingRequired(reference, "APPLICATION");

    assertThat(files).extracting(LoanDocumentView::fileName).containsExactly("neu.pdf", "alt.pdf");
    assertThat(files).extracting(LoanDocumentView::withdrawn).containsExactly(false, true);
    assertThat(files.get(0).typeLabel()).isEqualTo("Personalausweis oder Pass");
    assertThat(files.get(0).downloadUrl()).isEqualTo("/api/loans/" + reference + "/documents/" + files.get(0).id());
    assertThat(documents.checklist(reference)).extracting(ChecklistItemView::type)
        .containsExactly("ID_DOCUMENT", "BUSINESS_PLAN", "PROOF_OF_INCOME", "GUARANTOR_DECLARATIONS");
    assertThat(missing).extracting(ChecklistItemView::type)
        .containsExactly("BUSINESS_PLAN", "PROOF_OF_INCOME", "GUARANTOR_DECLARATIONS");
    assertThat(documents.missingRequired(reference, "CONTRACT")).isEmpty();
  }

  @Test
  void shouldEraseBytesAndNamesButKeepTheTrace() {
    DocumentFixtures fixtures = new DocumentFixtures(loans, rest);
    String reference = fixtures.approved("offenbach");
    fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "Ausweis Demir.pdf", TestFiles.pdf("e1"));
    fixtures.upload("bernd", reference, "CONTRACT", "SIGNED_CONTRACT", "Vertrag Demir.pdf", TestFiles.pdf("e2"));

    assertThat(documents.eraseAll(reference)).isEqualTo(2);
    assertThat(documents.eraseAll(reference)).isZero();

    assertThat(documents.of(reference)).hasSize(2).allSatisfy(view -> {
      assertThat(view.erased()).isTrue();
      assertThat(view.fileName()).isNull();
      assertThat(view.downloadUrl()).isNull();
      assertThat(view.sha256()).hasSize(64);
    });
    assertThat(jdbc.sql("""
            SELECT count(*) FROM loan_document_content c JOIN loan_document d ON d.id = c.document_id
            JOIN loan l ON l.id = d.loan_id WHERE l.reference = :r""").param("r", reference).query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("""
            SELECT count(*) FROM loan_document d JOIN loan l ON l.id = d.loan_id
            WHERE l.reference = :r AND d.file_name LIKE '%Demir%'""").param("r", reference).query(Long.class).single())
        .isZero();
    assertThat(documents.missingRequired(reference, "CONTRACT")).extracting(ChecklistItemView::type)
        .containsExactly("SIGNED_CONTRACT");
  }

  @Test
  void shouldShowEachPersonTheFilesTheRulesAllow() {
    DocumentFixtures fixtures = new DocumentFixtures(loans, rest);
    String reference = fixtures.approved("offenbach");
    fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "Ausweis Demir.pdf", TestFiles.pdf("v1"));
    fixtures.upload("bernd", reference, "CONTRACT", "SIGNED_CONTRACT", "Vertrag.pdf", TestFiles.pdf("v2"));

    assertThat(documents.of(reference, java.util.List.of("committee-offenbach"))).hasSize(2)
        .allSatisfy(view -> assertThat(view.downloadUrl()).isNotNull());
    assertThat(documents.of(reference, java.util.List.of("bank"))).singleElement()
        .satisfies(view -> assertThat(view.type()).isEqualTo("SIGNED_CONTRACT"));
    assertThat(documents.of(reference, java.util.List.of("managers"))).hasSize(2).allSatisfy(view -> {
      assertThat(view.fileName()).isNull();
      assertThat(view.downloadUrl()).isNull();
    });
    assertThat(documents.of(reference, java.util.List.of("advisors-leipzig"))).isEmpty();
  }

  @Test
  void shouldAnswerAnUnknownReferenceWithUnknownLoan() {
    assertThatThrownBy(() -> documents.checklist("QK-1999-999998")).isInstanceOf(UnknownLoanException.class);
  }

  @Test
  void shouldDeployTheChecklistWithTheModelsUnderAStableName() {
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(DocumentChecklist.DECISION_KEY)
        .list()).anySatisfy(definition -> {
          assertThat(definition.getResourceName()).isEqualTo("bpmn/document-checklist.dmn");
          assertThat(repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult()
              .getName()).isEqualTo(ModelDeploymentConfiguration.DEPLOYMENT_NAME);
          assertThat(definition.getHistoryTimeToLive()).isNotNull();
        });
  }
}
