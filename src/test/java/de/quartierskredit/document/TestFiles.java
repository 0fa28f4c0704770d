package de.quartierskredit.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small real files and dishonest look-alikes for the document tests. */
public final class TestFiles {

  private TestFiles() {}

  /** A valid one-page PDF (it opens in a viewer), with a text that makes each call's bytes unique. */
  public static byte[] pdf(String text) {
    String content = "BT /F1 12 Tf 72 720 Td (" + text.replaceAll("[()\\\\]", "") + ") Tj ET";
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream"};
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A minimal PNG: signature, IHDR, IDAT of a 1x1 pixel, IEND (checksums as real encoders write them). */
  public static byte[] png() {
    return hex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489"
        + "0000000D49444154789C6360000002000001E221BC330000000049454E44AE426082");
  }

  /** A minimal JPEG: start of image, an APP0 segment, end of image. */
  public static byte[] jpeg() {
    return hex("FFD8FFE000104A46494600010100000100010000FFD9");
  }

  public static byte[] text() {
    return "Hallo, ich bin eine Textdatei und kein PDF.\n".getBytes(StandardCharsets.UTF_8);
  }

  /** The start of a Windows program (MZ header). */
  public static byte[] exe() {
    byte[] program = new byte[512];
    program[0] = 'M';
    program[1] = 'Z';
    Arrays.fill(program, 2, 64, (byte) 0x90);
    return program;
  }

  /** A PDF's first bytes glued onto a PNG body: starts like a PDF but has no PDF trailer. */
  public static byte[] pdfHeaderOnPng() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(png());
    return out.toByteArray();
  }

  public static byte[] hex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
