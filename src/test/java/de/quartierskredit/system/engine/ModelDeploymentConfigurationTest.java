package de.quartierskredit.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.UrlResource;

class ModelDeploymentConfigurationTest {

  @Test
  void shouldNameAModelByItsFolderWhenItComesFromTargetClasses() throws MalformedURLException {
    var resource = new UrlResource(new URL("file:/work/main/target/classes/bpmn/guarantor-check.bpmn"));

    assertThat(ModelDeploymentConfiguration.stableName("classpath*:bpmn/**/*.bpmn", resource))
        .isEqualTo("bpmn/guarantor-check.bpmn");
  }

  @Test
  void shouldGiveTheSameNameWhenTheModelComesFromTheFatJar() throws MalformedURLException {
    var resource = new UrlResource(new URL(
        "jar:file:/opt/app/quartierskredit.jar!/BOOT-INF/classes!/bpmn/guarantor-check.bpmn"));

    assertThat(ModelDeploymentConfiguration.stableName("classpath*:bpmn/**/*.bpmn", resource))
        .isEqualTo("bpmn/guarantor-check.bpmn");
  }

  @Test
  void shouldKeepSubfoldersBelowTheModelFolder() throws MalformedURLException {
    var resource = new UrlResource(new URL("file:/srv/app/classes/forms/servicing/record-contact.form"));

    assertThat(ModelDeploymentConfiguration.stableName("classpath*:forms/**/*.form", resource))
        .isEqualTo("forms/servicing/record-contact.form");
  }
}
