package de.quartierskredit.system.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code bpmn/} and {@code forms/} folders as one deployment whose resource
 * names are stable ({@code bpmn/loan-application.bpmn}) whether the application runs from
 * {@code target/classes} ({@code spring-boot:run}, tests) or from the fat jar, so that duplicate
 * filtering recognises an unchanged model and no new version is created on restart.
 */
@Component
public class ModelDeploymentConfiguration extends DefaultDeploymentConfiguration {

  public static final String DEPLOYMENT_NAME = "quartierskredit-models";

  private final ResourcePatternResolver resolver;

  public ModelDeploymentConfiguration() {
    this(new PathMatchingResourcePatternResolver());
  }

  ModelDeploymentConfiguration(ResourcePatternResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setDeploymentName(DEPLOYMENT_NAME);
    super.preInit(configuration);
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    List<Resource> named = new ArrayList<>();
    for (String pattern : camundaBpmProperties.getDeploymentResourcePattern()) {
      for (Resource resource : resolve(pattern)) {
        if (!resource.isReadable() || resource.getFilename() == null) {
          continue;
        }
        named.add(NamedResource.of(resource, stableName(pattern, resource)));
      }
    }
    named.sort((a, b) -> ((NamedResource) a).name.compareTo(((NamedResource) b).name));
    return new LinkedHashSet<>(named);
  }

  private Resource[] resolve(String pattern) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve deployment pattern " + pattern, e);
    }
  }

  /**
   * The resource's path below its classpath root: the pattern's fixed folder (for example
   * {@code bpmn/}) followed by whatever the wildcard matched.
   */
  static String stableName(String pattern, Resource resource) {
    String folder = pattern.replaceFirst("^classpath\\*?:", "");
    int wildcard = folder.indexOf('*');
    folder = wildcard >= 0 ? folder.substring(0, folder.lastIndexOf('/', wildcard) + 1) : folder;
    String url;
    try {
      url = resource.getURL().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int at = url.lastIndexOf("/" + folder);
    if (at < 0) {
      return folder + resource.getFilename();
    }
    return url.substring(at + 1);
  }

  /** A deployment resource with a fixed name, read once into memory. */
  static final class NamedResource extends ByteArrayResource implements ContextResource {
    private final String name;

    private NamedResource(byte[] content, String name) {
      super(content, name);
      this.name = name;
    }

    static NamedResource of(Resource resource, String name) {
      try (var in = resource.getInputStream()) {
        return new NamedResource(in.readAllBytes(), name);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read deployment resource " + resource, e);
      }
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NamedResource that && name.equals(that.name) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
