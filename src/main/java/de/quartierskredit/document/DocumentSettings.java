package de.quartierskredit.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code quartierskredit.documents.*}: the largest file a caseworker may upload (default 10 MB, enough for
 * a scanned contract of a dozen pages); larger files are refused with our own 413 problem.
 */
@ConfigurationProperties("quartierskredit.documents")
record DocumentSettings(@DefaultValue("10MB") DataSize maxSize) {

  /** Spring's multipart limits lie this far above ours, so that our check answers with its German text. */
  static final DataSize MULTIPART_MARGIN = DataSize.ofMegabytes(1);

  String maxSizeText() {
    long bytes = maxSize.toBytes();
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
  }
}
