package de.quartierskredit.document;

import static de.quartierskredit.document.DocumentFixtures.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upload, list and download of a loan's documents (issue 17), the honest way and the dishonest ones
 * next to it: another quarter, the wrong role, a renamed file, a file too large, extra fields.
 */
@QuartierskreditTest
class DocumentApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;

  DocumentFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new DocumentFixtures(loans, rest);
  }

  private static JsonNode json(ResponseEntity<String> response) {
    return RestAs.json(response);
  }

  private JsonNode item(JsonNode listing, String stage, String type) {
    return StreamSupport.stream(listing.get("checklist").spliterator(), false)
        .filter(i -> i.get("stage").asText().equals(stage) && i.get("type").asText().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no item " + stage + "/" + type + " in " + listing));
  }

  @Nested
  class Honest {

    @Test
    void shouldStoreTheAdvisorsPdfAndGiveItBackByteForByteAsAnAttachment() {
      String reference = fixtures.application("offenbach");
      byte[] pdf = TestFiles.pdf("Ausweis Demir");

      ResponseEntity<String> created = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT",
          "Ausweis Demir ä.pdf", pdf);

      assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
      JsonNode document = json(created);
      String location = created.getHeaders().getLocation().toString();
      assertThat(location).isEqualTo(documents(reference) + "/" + document.get("id").asLong());
      assertThat(document.get("contentType").asText()).isEqualTo("application/pdf");
      assertThat(document.get("sha256").asText()).isEqualTo(DocumentRequests.sha256(pdf));
      assertThat(document.get("uploadedBy").asText()).isEqualTo("anna");

      ResponseEntity<byte[]> file = fixtures.download("anna", location);
      assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(file.getBody()).isEqualTo(pdf);
      assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(file.getHeaders().getFirst("Content-Disposition")).startsWith("attachment")
          .contains("filename=\"Ausweis Demir _.pdf\"")
          .contains("filename*=UTF-8''Ausweis%20Demir%20%C3%A4.pdf");
      assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(file.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'").contains("sandbox");

      JsonNode listing = json(RestAs.user(rest, "anna").get(documents(reference)));
      assertThat(item(listing, "APPLICATION", "ID_DOCUMENT").get("status").asText()).isEqualTo("vorhanden");
      assertThat(item(listing, "APPLICATION", "ID_DOCUMENT").get("currentDocumentId").asLong())
          .isEqualTo(document.get("id").asLong());
      assertThat(item(listing, "APPLICATION", "BUSINESS_PLAN").get("status").asText()).isEqualTo("fehlt");
    }

    @Test
    void shouldKeepAReplacedFileListedAsWithdrawn() {
      String reference = fixtures.application("offenbach");
      long first = json(fixtures.upload("anna", reference, "APPLICATION", "BUSINESS_PLAN", "plan-v1.pdf",
          TestFiles.pdf("v1"))).get("id").asLong();
      long second = json(fixtures.upload("mia", reference, "APPLICATION", "BUSINESS_PLAN", "plan-v2.pdf",
          TestFiles.pdf("v2"))).get("id").asLong();

      JsonNode listing = json(RestAs.user(rest, "anna").get(documents(reference)));

      assertThat(listing.get("documents")).hasSize(2);
      JsonNode newest = listing.get("documents").get(0);
      JsonNode replaced = listing.get("documents").get(1);
      assertThat(newest.get("id").asLong()).isEqualTo(second);
      assertThat(newest.get("withdrawn").asBoolean()).isFalse();
      assertThat(replaced.get("id").asLong()).isEqualTo(first);
      assertThat(replaced.get("withdrawn").asBoolean()).isTrue();
      assertThat(replaced.get("withdrawnBy").asText()).isEqualTo("mia");
      assertThat(item(listing, "APPLICATION", "BUSINESS_PLAN").get("currentDocumentId").asLong()).isEqualTo(second);
      // the replaced file can still be opened
      assertThat(fixtures.download("anna", documents(reference) + "/" + first).getBody()).isEqualTo(TestFiles.pdf("v1"));
    }

    @Test
    void shouldAcceptJpegAndPngByTheirContent() {
      String reference = fixtures.application("offenbach");

      ResponseEntity<String> jpeg = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "ausweis.jpg",
          TestFiles.jpeg());
      ResponseEntity<String> png = fixtures.upload("anna", reference, "APPLICATION", "PROOF_OF_INCOME",
          "lohnzettel.pdf", TestFiles.png());

      assertThat(jpeg.getStatusCode()).as(jpeg.getBody()).isEqualTo(HttpStatus.CREATED);
      assertThat(json(jpeg).get("contentType").asText()).isEqualTo("image/jpeg");
      assertThat(png.getStatusCode()).as(png.getBody()).isEqualTo(HttpStatus.CREATED);
      // a PNG named .pdf is a PNG: stored and offered as one
      assertThat(json(png).get("contentType").asText()).isEqualTo("image/png");
      assertThat(json(png).get("fileName").asText()).isEqualTo("lohnzettel.pdf.png");
    }

    @Test
    void shouldLetTheQuartersCommitteeAndTheMicrofinancerReadAndOpenTheFiles() {
      String reference = fixtures.application("offenbach");
      String location = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf", TestFiles.pdf("c"))
          .getHeaders().getLocation().toString();

      for (String user : List.of("sven", "mia", "admin")) {
        assertThat(RestAs.user(rest, user).get(documents(reference)).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        assertThat(fixtures.download(user, location).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      }
    }

    @Test
    void shouldShowTheManagerTheListButNotTheFiles() {
      String reference = fixtures.application("offenbach");
      String location = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "Ausweis Demir.pdf",
          TestFiles.pdf("m")).getHeaders().getLocation().toString();

      ResponseEntity<String> list = RestAs.user(rest, "monika").get(documents(reference));
      ResponseEntity<byte[]> file = fixtures.download("monika", location);

      assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(item(json(list), "APPLICATION", "ID_DOCUMENT").get("status").asText()).isEqualTo("vorhanden");
      assertThat(list.getBody()).doesNotContain("Ausweis Demir").doesNotContain(location);
      assertThat(file.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(new String(file.getBody())).contains("Datenminimierung");
    }

    @Test
    void shouldLetTheMicrofinancerKeepTheDocumentsOfALoanOutsideTheQuarters() {
      String reference = fixtures.application(null);

      assertThat(fixtures.upload("mia", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf", TestFiles.pdf("o"))
          .getStatusCode()).isEqualTo(HttpStatus.CREATED);
      assertThat(RestAs.user(rest, "anna").get(documents(reference)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldLetTheBankAddAndReadTheSignedContractOfALoanThatReachedIt() {
      String reference = fixtures.approved("offenbach");
      fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "ausweis.pdf", TestFiles.pdf("b"));

      ResponseEntity<String> contract = fixtures.upload("bernd", reference, "CONTRACT", "SIGNED_CONTRACT",
          "vertrag.pdf", TestFiles.pdf("Vertrag"));
      JsonNode listing = json(RestAs.user(rest, "bernd").get(documents(reference)));

      assertThat(contract.getStatusCode()).as(contract.getBody()).isEqualTo(HttpStatus.CREATED);
      assertThat(listing.get("checklist")).allSatisfy(i -> assertThat(i.get("stage").asText()).isEqualTo("CONTRACT"));
      assertThat(listing.get("documents")).hasSize(1);
      assertThat(listing.get("documents").get(0).get("type").asText()).isEqualTo("SIGNED_CONTRACT");
      assertThat(fixtures.download("bernd", contract.getHeaders().getLocation().toString()).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldAskAnExistingBusinessForItsFiguresAndLeaveTheBusinessPlanOptional() {
      String reference = fixtures.application("offenbach", BusinessStage.EXISTING, true);

      JsonNode listing = json(RestAs.user(rest, "anna").get(documents(reference)));

      assertThat(item(listing, "APPLICATION", "BUSINESS_FIGURES").get("status").asText()).isEqualTo("fehlt");
      assertThat(item(listing, "APPLICATION", "BUSINESS_PLAN").get("status").asText()).isEqualTo("nicht erforderlich");
      assertThat(item(listing, "APPLICATION", "PROOF_OF_INCOME").get("label").asText()).contains("Jobcenter");
      assertThat(listing.get("checklist")).noneSatisfy(i -> assertThat(i.get("stage").asText()).isEqualTo("CONTRACT"));
    }

    @Test
    void shouldServeTheUnterlagenPageEscapedAndUnderAStrictPolicy() {
      String reference = fixtures.application("offenbach");
      fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "Tom & Jerry's Ausweis.pdf",
          TestFiles.pdf("x"));

      ResponseEntity<String> page = RestAs.user(rest, "anna").get("/api/loans/" + reference + "/unterlagen");

      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
      assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'sha256-")
          .doesNotContain("script-src 'unsafe");
      assertThat(page.getBody()).contains("Unterlagen zum Kredit " + reference).contains("Personalausweis oder Pass")
          .contains("vorhanden").contains("fehlt").contains("Änderungsschneiderei &lt;Demir&gt; &amp; Co")
          .contains("Tom &amp; Jerry&#39;s Ausweis.pdf").doesNotContain("<Demir>");
    }
  }

  @Nested
  class Dishonest {

    @Test
    void shouldAnswerAnotherQuartersLoanExactlyLikeAnUnknownOne() {
      String reference = fixtures.application("offenbach");
      String location = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf", TestFiles.pdf("l"))
          .getHeaders().getLocation().toString();

      ResponseEntity<String> other = RestAs.user(rest, "lars").get(documents(reference));
      ResponseEntity<String> unknown = RestAs.user(rest, "lars").get(documents("QK-1999-999999"));
      ResponseEntity<String> file = RestAs.user(rest, "lars").get(location);
      ResponseEntity<String> page = RestAs.user(rest, "lars").get("/api/loans/" + reference + "/unterlagen");
      ResponseEntity<String> upload = fixtures.upload("lars", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf",
          TestFiles.pdf("l2"));

      for (ResponseEntity<String> answer : List.of(other, file, page, upload)) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(answer).get("detail")).isEqualTo(json(unknown).get("detail"));
      }
    }

    @Test
    void shouldNotOpenAFileThroughAnotherLoansAddress() {
      String mine = fixtures.application("offenbach");
      String theirs = fixtures.application("offenbach");
      long id = json(fixtures.upload("anna", theirs, "APPLICATION", "ID_DOCUMENT", "a.pdf", TestFiles.pdf("t")))
          .get("id").asLong();

      assertThat(RestAs.user(rest, "anna").get(documents(mine) + "/" + id).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseRenamedTextAndProgramsAndAPngHeaderClaimedAsPdf() {
      String reference = fixtures.application("offenbach");

      for (byte[] content : List.of(TestFiles.text(), TestFiles.exe(), TestFiles.pdfHeaderOnPng())) {
        ResponseEntity<String> answer = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT",
            "ausweis.pdf", content);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(json(answer).get("detail").asText()).startsWith("Nur PDF-, JPEG- und PNG-Dateien");
      }
      assertThat(json(RestAs.user(rest, "anna").get(documents(reference))).get("documents")).isEmpty();
    }

    @Test
    void shouldRefuseAFileOverTheLimitWithItsOwnGermanProblem() {
      String reference = fixtures.application("offenbach");
      byte[] justOver = padded(TestFiles.pdf("gross"), 10 * 1024 * 1024 + 1);

      ResponseEntity<String> answer = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf", justOver);

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
      assertThat(json(answer).get("detail").asText()).startsWith("Die Datei ist größer als 10 MB.");
    }

    @Test
    void shouldAnswerAFileFarOverTheMultipartLimitWithAProblemNotA500() {
      String reference = fixtures.application("offenbach");
      byte[] huge = padded(TestFiles.pdf("riesig"), 12 * 1024 * 1024 + 512 * 1024);

      ResponseEntity<String> answer = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf", huge);

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
      assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat(json(answer).get("detail").asText()).startsWith("Die Datei ist größer als 10 MB.");
    }

    @Test
    void shouldStoreOnlyTheLastPartOfAFileNameWithAPath() {
      String reference = fixtures.application("offenbach");

      ResponseEntity<String> answer = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT",
          "../../../etc/passwd\r\n.pdf", TestFiles.pdf("p"));

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      assertThat(json(answer).get("fileName").asText()).isEqualTo("passwd.pdf");
    }

    @Test
    void shouldRefuseExtraFieldsASecondFileAndMissingFields() {
      String reference = fixtures.application("offenbach");

      ResponseEntity<String> extra = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf",
          TestFiles.pdf("e"), Map.of("uploadedBy", "mia"));
      ResponseEntity<String> twoFiles = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf",
          TestFiles.pdf("e"), Map.of("file", DocumentFixtures.file("b.pdf", TestFiles.pdf("f"))));
      ResponseEntity<String> noType = fixtures.upload("anna", reference, "APPLICATION", null, "a.pdf", TestFiles.pdf("g"));
      ResponseEntity<String> unknownType = fixtures.upload("anna", reference, "APPLICATION", "PASSWORD_LIST", "a.pdf",
          TestFiles.pdf("h"));

      assertThat(extra.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(extra.getBody()).contains("uploadedBy").contains("Unbekanntes Feld");
      assertThat(twoFiles.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(noType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json(unknownType).get("errors").get(0).get("field").asText()).isEqualTo("type");
      assertThat(json(RestAs.user(rest, "anna").get(documents(reference))).get("documents")).isEmpty();
    }

    @Test
    void shouldRefuseJsonAndABrokenMultipartBodyWithProblems() {
      String reference = fixtures.application("offenbach");
      HttpHeaders broken = new HttpHeaders();
      broken.set("Content-Type", "multipart/form-data; boundary=xyz");

      ResponseEntity<String> asJson = RestAs.user(rest, "anna").post(documents(reference), "{\"file\": \"JVBERi0=\"}");
      ResponseEntity<String> garbled = rest.withBasicAuth("anna", "demo").postForEntity(
          rest.getRootUri() + documents(reference), new HttpEntity<>("--xyz\r\nkaputt", broken), String.class);

      assertThat(asJson.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
      assertThat(json(asJson).get("detail").asText()).contains("multipart/form-data");
      assertThat(garbled.getStatusCode().is4xxClientError()).as(garbled.getBody()).isTrue();
      assertThat(json(garbled).get("detail").asText()).isNotBlank();
    }

    @Test
    void shouldLetTheBankAddNoApplicationDocumentAndSeeNoLoanBeforeItReachedTheBank() {
      String approved = fixtures.approved("offenbach");
      String open = fixtures.application("offenbach");

      ResponseEntity<String> applicationDocument = fixtures.upload("bernd", approved, "APPLICATION", "ID_DOCUMENT",
          "a.pdf", TestFiles.pdf("bank"));
      ResponseEntity<String> notYet = RestAs.user(rest, "bernd").get(documents(open));

      assertThat(applicationDocument.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json(applicationDocument).get("detail").asText()).contains("nur Unterlagen zum Kreditvertrag");
      assertThat(notYet.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldNotLetTheCommitteeOrTheManagerAddDocuments() {
      String reference = fixtures.application("offenbach");

      ResponseEntity<String> committee = fixtures.upload("sven", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf",
          TestFiles.pdf("s"));
      ResponseEntity<String> manager = fixtures.upload("monika", reference, "APPLICATION", "ID_DOCUMENT", "a.pdf",
          TestFiles.pdf("m"));

      assertThat(committee.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json(committee).get("detail").asText()).contains("Vergabeausschuss");
      assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldAcceptNoContractDocumentBeforeTheApprovalAndNothingForAClosedCase() {
      String open = fixtures.application("offenbach");
      String rejected = fixtures.application("offenbach");
      loans.transition(rejected, Set.of(LoanState.APPLIED), LoanState.REJECTED, "abgelehnt");

      ResponseEntity<String> early = fixtures.upload("anna", open, "CONTRACT", "SIGNED_CONTRACT", "v.pdf", TestFiles.pdf("v"));
      ResponseEntity<String> closed = fixtures.upload("anna", rejected, "APPLICATION", "ID_DOCUMENT", "a.pdf",
          TestFiles.pdf("r"));

      assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void shouldAnswerAnonymousCallersAndMachineLoginsWithoutSayingAnythingAboutTheLoan() {
      String reference = fixtures.application("offenbach");

      assertThat(rest.getForEntity(rest.getRootUri() + documents(reference), String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAnswerAnErasedFileWithGoneAndKeepItsTrace() {
      String reference = fixtures.application("offenbach");
      String location = fixtures.upload("anna", reference, "APPLICATION", "ID_DOCUMENT", "Ausweis Demir.pdf",
          TestFiles.pdf("weg")).getHeaders().getLocation().toString();
      long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
      jdbc.sql("UPDATE loan_document SET erased_at = CURRENT_TIMESTAMP, file_name = 'gelöscht' WHERE id = :id")
          .param("id", id).update();
      jdbc.sql("DELETE FROM loan_document_content WHERE document_id = :id").param("id", id).update();

      ResponseEntity<String> gone = RestAs.user(rest, "anna").get(location);
      JsonNode listing = json(RestAs.user(rest, "anna").get(documents(reference)));

      assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.GONE);
      assertThat(listing.get("documents").get(0).get("erased").asBoolean()).isTrue();
      assertThat(item(listing, "APPLICATION", "ID_DOCUMENT").get("status").asText()).isEqualTo("fehlt");
    }
  }

  /** The content followed by blanks up to the size: still a valid file of its kind. */
  private static byte[] padded(byte[] content, int size) {
    byte[] padded = Arrays.copyOf(content, size);
    Arrays.fill(padded, content.length, size, (byte) ' ');
    return padded;
  }
}
