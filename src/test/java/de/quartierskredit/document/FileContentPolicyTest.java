package de.quartierskredit.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The type of a file is read from its bytes: PDF, JPEG, PNG, nothing else. */
class FileContentPolicyTest {

  @Test
  void shouldRecogniseAPdfAJpegAndAPng() {
    assertThat(FileContentPolicy.detect(TestFiles.pdf("Ausweis"))).contains("application/pdf");
    assertThat(FileContentPolicy.detect(TestFiles.jpeg())).contains("image/jpeg");
    assertThat(FileContentPolicy.detect(TestFiles.png())).contains("image/png");
  }

  @Test
  void shouldTolerateThePaddingScannersAddAfterTheEnd() {
    byte[] padded = Arrays.copyOf(TestFiles.jpeg(), TestFiles.jpeg().length + 3);
    padded[padded.length - 1] = '\n';
    assertThat(FileContentPolicy.detect(padded)).contains("image/jpeg");
    byte[] pdf = TestFiles.pdf("x");
    byte[] pdfWithBlankLines = Arrays.copyOf(pdf, pdf.length + 2);
    pdfWithBlankLines[pdf.length] = '\r';
    pdfWithBlankLines[pdf.length + 1] = '\n';
    assertThat(FileContentPolicy.detect(pdfWithBlankLines)).contains("application/pdf");
  }

  @Test
  void shouldRefuseTextProgramsAndEmptyFilesWhateverTheyAreCalled() {
    assertThat(FileContentPolicy.detect(TestFiles.text())).isEmpty();
    assertThat(FileContentPolicy.detect(TestFiles.exe())).isEmpty();
    assertThat(FileContentPolicy.detect(new byte[0])).isEmpty();
    assertThat(FileContentPolicy.detect(null)).isEmpty();
  }

  @Test
  void shouldRefuseAPdfHeaderWithoutItsTrailerAndAFileThatOnlyStartsLikeAnImage() {
    assertThat(FileContentPolicy.detect(TestFiles.pdfHeaderOnPng())).isEmpty();
    assertThat(FileContentPolicy.detect("%PDF-1.4\nnur der Anfang".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    byte[] truncatedJpeg = Arrays.copyOf(TestFiles.jpeg(), TestFiles.jpeg().length - 2);
    assertThat(FileContentPolicy.detect(truncatedJpeg)).isEmpty();
    byte[] truncatedPng = Arrays.copyOf(TestFiles.png(), TestFiles.png().length - 12);
    assertThat(FileContentPolicy.detect(truncatedPng)).isEmpty();
  }

  @Test
  void shouldNotTakeAPngForAPdfOrTheOtherWayRound() {
    assertThat(FileContentPolicy.detect(TestFiles.png())).contains("image/png");
    byte[] pngSignatureThenPdf = TestFiles.hex("89504E470D0A1A0A");
    byte[] glued = Arrays.copyOf(pngSignatureThenPdf, pngSignatureThenPdf.length + TestFiles.pdf("x").length);
    System.arraycopy(TestFiles.pdf("x"), 0, glued, 8, TestFiles.pdf("x").length);
    assertThat(FileContentPolicy.detect(glued)).isEmpty();
  }
}
