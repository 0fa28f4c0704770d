package de.quartierskredit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A demo user logged into Tasklist as a browser is: session cookie, CSRF token, and the webapps' own
 * engine API ({@code /camunda/api/engine/engine/default}) that Tasklist calls; also our own pages and a
 * document upload as a page of ours sends them with that session.
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

  /** GET of any path of the application in this session, e.g. one of our pages under {@code /api}. */
  public HttpResponse<String> page(String path) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A multipart upload of a PDF as a page of ours sends it; {@code token} null sends no X-XSRF-TOKEN header. */
  public HttpResponse<String> upload(String path, String token, String stage, String type, String fileName,
      byte[] content) throws IOException, InterruptedException {
    String boundary = "----qk" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "stage", stage);
    field(body, boundary, "type", type);
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
        + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The XSRF-TOKEN cookie Camunda's CsrfPreventionFilter set for this session. */
  public String xsrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }
}
