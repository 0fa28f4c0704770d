package de.quartierskredit.system.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import de.quartierskredit.shared.FieldError;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our API reads JSON strictly, so that what a caller sent is what we store: a key given twice, a
 * number or a yes/no sent as text ({@code "amount":"100"}), text sent as a number, a fraction for a
 * whole number, an enum as its ordinal, an unknown field (application.yaml) or anything after the
 * document, a decimal of absurd size ({@code 1e999999}) are refused with a 400 problem naming the
 * field. An absent yes/no field still means
 * "no" ({@code dryRun} of a migration).
 *
 * <p>Only Spring MVC's object mapper (our controllers) is configured; Camunda's REST API and webapps
 * build their own mapper ({@code JacksonConfigurator}) and read as leniently as before, which is what
 * Tasklist and Cockpit rely on.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
    return builder -> builder
        .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .deserializerByType(BigDecimal.class, new BoundedDecimals())
        .postConfigurer(StrictJson::noCoercion);
  }

  /**
   * Decimals of a sensible size only: {@code 1e999999} is a valid JSON number whose plain form has a
   * million digits, and every later step (text for a process variable, parsing it back) takes
   * seconds to minutes over it. No amount or rate of ours needs more than {@link #MAX_DIGITS} digits
   * before or after the point.
   */
  static final class BoundedDecimals extends StdScalarDeserializer<BigDecimal> {

    static final int MAX_DIGITS = 15;

    BoundedDecimals() {
      super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
      if (value != null && (value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS)) {
        return (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, value,
            "more than " + MAX_DIGITS + " digits before or after the point");
      }
      return value;
    }
  }

  /** No scalar is taken from a JSON value of another kind. */
  static void noCoercion(ObjectMapper mapper) {
    for (LogicalType numberOrYesNo : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(numberOrYesNo)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  /** The field a refused body fails at, with a German reason; empty when the parser knows none. */
  static Optional<FieldError> refusedField(Throwable cause) {
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      String reason = mapping instanceof UnrecognizedPropertyException ? "Unbekanntes Feld."
          : mapping instanceof InvalidFormatException format && format.getValue() instanceof BigDecimal
              ? "Zahl außerhalb des zulässigen Bereichs (höchstens " + BoundedDecimals.MAX_DIGITS
                  + " Stellen vor und nach dem Komma)."
              : "Wert hat nicht den erwarteten Typ (Zahlen ohne Anführungszeichen, Text in Anführungszeichen, "
                  + "ja/nein als true/false).";
      return Optional.of(new FieldError(field, reason));
    }
    if (cause instanceof StreamReadException read && read.getProcessor() != null
        && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field")) {
      String field = path(read.getProcessor().getParsingContext());
      if (!field.isEmpty()) {
        return Optional.of(new FieldError(field, "Feld ist mehrfach angegeben."));
      }
    }
    return Optional.empty();
  }

  private static String path(JsonStreamContext context) {
    List<String> names = new ArrayList<>();
    for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      names.add(0, at.inArray() ? "[" + at.getCurrentIndex() + "]" : String.valueOf(at.getCurrentName()));
    }
    return String.join(".", names);
  }
}
