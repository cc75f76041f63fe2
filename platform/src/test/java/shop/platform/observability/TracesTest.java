package shop.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;

class TracesTest {
  private static final String HEADER =
      "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

  @Test
  void continuesAWellFormedHeaderUntilTheScopeCloses() {
    try (Traces.Scope scope = Traces.continueFrom(HEADER)) {
      assertThat(Traces.current()).contains(HEADER);
      assertThat(ThreadContext.get("traceId")).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
    }
    assertThat(Traces.current()).isEmpty();
    assertThat(ThreadContext.get("traceId")).isNull();
  }

  @Test
  void continuesNothingOfAMalformedOrAbsentHeader() {
    for (String bad :
        new String[] {
          null,
          "",
          "Root=nope",
          "Parent=53995c3f42cd8ad8",
          "Root=1-5759e988-bd862e3fe1be46a994272793;x"
        }) {
      try (Traces.Scope scope = Traces.continueFrom(bad)) {
        assertThat(Traces.current()).as(String.valueOf(bad)).isEmpty();
      }
    }
  }

  @Test
  void anInnerTraceGivesWayToTheOuterOneWhenItEnds() {
    String inner = "Root=1-00000000-000000000000000000000001";
    try (Traces.Scope outer = Traces.continueFrom(HEADER)) {
      try (Traces.Scope scope = Traces.continueFrom(inner)) {
        assertThat(Traces.current()).contains(inner);
      }
      assertThat(Traces.current()).contains(HEADER);
    }
  }
}
