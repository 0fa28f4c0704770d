package de.quartierskredit.document;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Spring's multipart limits follow {@code quartierskredit.documents.max-size}, a little above it: a file
 * just over our limit reaches our own check (413 with the limit in German); a much larger request is
 * stopped while it is read and answered by {@link UploadRefusals} (413 as well, never a 500).
 */
@Configuration(proxyBeanMethods = false)
class DocumentWebConfiguration {

  @Bean
  MultipartConfigElement multipartConfigElement(DocumentSettings settings) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    long limit = settings.maxSize().toBytes() + DocumentSettings.MULTIPART_MARGIN.toBytes();
    factory.setMaxFileSize(DataSize.ofBytes(limit));
    factory.setMaxRequestSize(DataSize.ofBytes(limit + DocumentSettings.MULTIPART_MARGIN.toBytes()));
    // parts above this go to a temporary file instead of the heap
    factory.setFileSizeThreshold(DataSize.ofKilobytes(256));
    return factory.createMultipartConfig();
  }

  /**
   * Tomcat stops reading a multipart request that breaks the limits and, by default, closes the connection
   * without reading the rest: the browser then shows a broken connection instead of our 413. Swallowing the
   * rest of an aborted upload (up to {@code server.tomcat.max-swallow-size}, 32 MB in application.yaml) lets
   * the answer arrive; a far larger request is still cut off after the answer.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> swallowAbortedUploads() {
    return factory -> factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
  }
}
