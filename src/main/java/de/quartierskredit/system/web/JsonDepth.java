package de.quartierskredit.system.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * How deeply a JSON body nests, counted on the token stream without building it. No request of our
 * API or of Tasklist and Cockpit nests more than a handful of levels; {@link #MAX} keeps the parsers
 * behind far from their own limits (Jackson's 1,000 levels, the stack).
 */
final class JsonDepth {

  /** Objects and arrays within each other that a body may hold. */
  static final int MAX = 32;

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonDepth() {}

  /** True when the body nests deeper than {@link #MAX}; a body that is no JSON is left to its reader. */
  static boolean tooDeep(byte[] body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isStructStart() && ++depth > MAX) {
          return true;
        }
        if (token.isStructEnd()) {
          depth--;
        }
      }
      return false;
    } catch (StreamConstraintsException beyondJacksonsLimit) {
      return true;
    } catch (IOException notJson) {
      return false;
    }
  }
}
