package de.quartierskredit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A demo user logged into Tasklist as a browser is: session cookie, CSRF token, and the webapps' own
 * engine API ({@code /camunda/api/engine/engine/default}) that Tasklist calls.
 */
public final class TasklistSession {

  private final HttpClient browser;
  private final CookieManager cookies = new CookieManager();
  private final String base;

  private TasklistSession(String base) {
    this.base = base;
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs in (the demo password) and fetches a CSRF token for the new session. */
  public static TasklistSession login(String base, String user) throws IOException, InterruptedException {
    TasklistSession session = new TasklistSession(base);
    session.browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = session.browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.xsrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the login starts a new session: its CSRF token comes with the first reading request
    session.get("/user/" + user + "/profile");
    return session;
  }

  /** GET on the webapps' engine API, e.g. {@code /task?maxResults=1000}. */
  public HttpResponse<String> get(String enginePath) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
        .header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POST of JSON on the webapps' engine API, e.g. {@code /task/{id}/submit-form}. */
  public HttpResponse<String> post(String enginePath, String json) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }
}
