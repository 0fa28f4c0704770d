package de.quartierskredit.loanfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The printable page escapes every value it prints: a file whose every text is markup (as a borrower,
 * a business or a note may be called) renders as text, with no tag or attribute of its own.
 */
class LoanFilePageTest {

  private static final String MARKUP = "<img src=x onerror=alert(1)>\"'&";

  @Test
  void shouldPrintEveryValueAsText() throws Exception {
    LoanFile file = filled(LoanFile.class);

    String html = LoanFilePage.render(file);

    assertThat(html).doesNotContain("<img", "onerror=alert(1)>", "\"'&<")
        .contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    assertThat(html.split("<script>", -1)).hasSize(2); // the print button's own script only
  }

  @Test
  void shouldMarkErasedPersonalDataAsErased() throws Exception {
    LoanFile file = filled(LoanFile.class);
    LoanFile erased = new LoanFile(file.reference(), file.state(), file.stateLabel(), file.printedOn(), true,
        new LoanFile.Applicant(LoanFile.ERASED, LoanFile.ERASED, LoanFile.ERASED, "nein"), file.business(),
        file.application(), file.advice(), file.guarantors(), file.committeeDecisions(), file.fund(), file.contract(),
        file.repayment(), file.schedule(), file.payments(), file.contacts(), file.missedContacts(), file.warnings(),
        file.interventions(), file.reschedulings(), file.writeOff(), file.documents(), file.audit(), file.timeline());

    String html = LoanFilePage.render(erased);

    assertThat(html).contains("personenbezogenen Daten dieses Kredits sind nach Ablauf der Aufbewahrungsfrist gelöscht",
        "<tr><th>Antragsteller/in</th><td class=\"erased\">gelöscht</td></tr>");
  }

  /** An instance of the record with every String set to {@link #MARKUP} and every list holding one element. */
  @SuppressWarnings("unchecked")
  private static <T> T filled(Class<T> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = value(components[i].getType(), components[i].getGenericType());
    }
    var constructor = type.getDeclaredConstructor(types);
    constructor.setAccessible(true);
    return (T) constructor.newInstance(values);
  }

  private static Object value(Class<?> type, Type generic) throws Exception {
    if (type == String.class) {
      return MARKUP;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 1;
    }
    if (type == List.class) {
      Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
      return List.of(value((Class<?>) element, element));
    }
    if (type.isRecord()) {
      return filled(type);
    }
    throw new IllegalArgumentException("no test value for " + type);
  }
}
