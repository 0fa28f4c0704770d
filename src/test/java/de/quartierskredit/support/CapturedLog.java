package de.quartierskredit.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log lines of the engine, the web layer and our code while it is open (a logback appender on the
 * root logger), to prove what a refused step logs: {@code try (CapturedLog log = CapturedLog.start()) {...}}.
 */
public final class CapturedLog implements AutoCloseable {

  private static final List<String> WATCHED = List.of("org.camunda", "de.quartierskredit", "org.springframework.web",
      "org.apache.catalina", "org.glassfish.jersey");

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  private CapturedLog() {}

  public static CapturedLog start() {
    CapturedLog log = new CapturedLog();
    log.appender.start();
    log.root.addAppender(log.appender);
    return log;
  }

  /** The lines at {@code level} or above. */
  public List<ILoggingEvent> atLeast(Level level) {
    return lines().stream().filter(e -> e.getLevel().isGreaterOrEqual(level)).toList();
  }

  /** The lines at INFO or above that carry a stack trace. */
  public List<ILoggingEvent> withStackTrace() {
    return atLeast(Level.INFO).stream().filter(e -> e.getThrowableProxy() != null).toList();
  }

  private List<ILoggingEvent> lines() {
    synchronized (appender.list) {
      return List.copyOf(appender.list).stream()
          .filter(e -> WATCHED.stream().anyMatch(prefix -> e.getLoggerName().startsWith(prefix))).toList();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
