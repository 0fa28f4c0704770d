package de.quartierskredit.document;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Loans registered straight in the table (no process) and uploads as a demo user. */
final class DocumentFixtures {

  private final LoanRepository loans;
  private final TestRestTemplate rest;

  DocumentFixtures(LoanRepository loans, TestRestTemplate rest) {
    this.loans = loans;
    this.rest = rest;
  }

  /** An open application of the quarter (null: outside the quarters). */
  String application(String quarterCode, BusinessStage stage, boolean sgb2) {
    Loan loan = loans.register(new NewApplication("Ayşe", "Demir", "ayse@example.org", "069 123456", sgb2,
        "Änderungsschneiderei <Demir> & Co", stage, "Handwerk", "Marktplatz 3", "63065", "Offenbach", quarterCode,
        "Nähmaschine", new BigDecimal("4000.00")));
    return loan.reference();
  }

  String application(String quarterCode) {
    return application(quarterCode, BusinessStage.NEW_FOUNDER, false);
  }

  /** An application the committee approved: it reached the bank. */
  String approved(String quarterCode) {
    String reference = application(quarterCode);
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    return reference;
  }

  ResponseEntity<String> upload(String user, String reference, String stage, String type, String fileName,
      byte[] content) {
    return upload(user, reference, stage, type, fileName, content, Map.of());
  }

  ResponseEntity<String> upload(String user, String reference, String stage, String type, String fileName,
      byte[] content, Map<String, Object> extraFields) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", file(fileName, content));
    if (stage != null) {
      body.add("stage", stage);
    }
    if (type != null) {
      body.add("type", type);
    }
    extraFields.forEach(body::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").postForEntity(rest.getRootUri() + documents(reference),
        new HttpEntity<>(body, headers), String.class);
  }

  static ByteArrayResource file(String fileName, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    };
  }

  ResponseEntity<byte[]> download(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(rest.getRootUri() + path, byte[].class);
  }

  static String documents(String reference) {
    return "/api/loans/" + reference + "/documents";
  }
}
