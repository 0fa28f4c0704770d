package de.quartierskredit.system.web;

import de.quartierskredit.system.engine.PersonRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Marks requests to Camunda's REST APIs as a person's, whose variables the engine checks against the forms. */
class PersonRequestFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      PersonRequests.serve(() -> chain.doFilter(request, response));
    } catch (ServletException | IOException | RuntimeException e) {
      throw e;
    } catch (Exception unexpected) {
      throw new ServletException(unexpected);
    }
  }
}
