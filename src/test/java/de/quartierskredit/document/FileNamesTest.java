package de.quartierskredit.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file's name is shown and offered for download, never trusted. */
class FileNamesTest {

  @Test
  void shouldKeepAnOrdinaryGermanName() {
    assertThat(FileNames.safe("Personalausweis Müller.pdf", "application/pdf")).isEqualTo("Personalausweis Müller.pdf");
    assertThat(FileNames.safe("Scan.JPEG", "image/jpeg")).isEqualTo("Scan.JPEG");
  }

  @Test
  void shouldDropDirectoriesOfEitherKind() {
    assertThat(FileNames.safe("../../etc/passwd.pdf", "application/pdf")).isEqualTo("passwd.pdf");
    assertThat(FileNames.safe("C:\\Users\\anna\\Desktop\\ausweis.pdf", "application/pdf")).isEqualTo("ausweis.pdf");
  }

  @Test
  void shouldDropControlAndDirectionCharactersAndReplaceWhatWindowsRefuses() {
    assertThat(FileNames.safe("rech\u0000nung\r\n.pdf", "application/pdf")).isEqualTo("rechnung.pdf");
    // right-to-left override: "ausweis\u202Efdp.exe" would show as "ausweisexe.pdf"
    assertThat(FileNames.safe("ausweis\u202Efdp.exe", "application/pdf")).isEqualTo("ausweisfdp.exe.pdf");
    assertThat(FileNames.safe("a:b*c?\"<>|.pdf", "application/pdf")).isEqualTo("a_b_c_____.pdf");
  }

  @Test
  void shouldGiveTheExtensionOfTheContent() {
    assertThat(FileNames.safe("rechnung.exe", "application/pdf")).isEqualTo("rechnung.exe.pdf");
    assertThat(FileNames.safe("foto.pdf", "image/png")).isEqualTo("foto.pdf.png");
    assertThat(FileNames.safe("", "image/png")).isEqualTo("Unterlage.png");
    assertThat(FileNames.safe(null, "application/pdf")).isEqualTo("Unterlage.pdf");
    assertThat(FileNames.safe("...", "application/pdf")).isEqualTo("Unterlage.pdf");
    assertThat(FileNames.safe(".htaccess", "application/pdf")).isEqualTo("htaccess.pdf");
  }

  @Test
  void shouldShortenALongNameAndKeepItsExtension() {
    String name = FileNames.safe("x".repeat(500) + ".pdf", "application/pdf");
    assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
  }
}
