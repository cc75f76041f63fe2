package shop.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleSiteTest {
  private final Map<String, byte[]> files = ConsoleSite.files("https://api.example.com");

  @Test
  void servesThePageItsAssetsAndWhereTheApiIs() {
    assertThat(files).containsOnlyKeys("index.html", "console.css", "console.js", "config.json");
    assertThat(text("config.json")).isEqualTo("{\"apiUrl\":\"https://api.example.com\"}");
  }

  @Test
  void loadsNothingFromElsewhere() {
    assertThat(text("index.html"))
        .contains("href=\"console.css\"", "src=\"console.js\"")
        .doesNotContain("http://", "https://", "//cdn");
  }

  @Test
  void everyInputHasALabel() {
    String page = text("index.html");
    Matcher inputs = Pattern.compile("<input id=\"([^\"]+)\"").matcher(page);
    int count = 0;
    while (inputs.find()) {
      count++;
      assertThat(page).as(inputs.group(1)).contains("<label for=\"" + inputs.group(1) + "\">");
    }
    assertThat(count).isGreaterThan(5);
  }

  @Test
  void writesDataAsTextNeverAsMarkup() {
    assertThat(text("console.js")).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML");
  }

  @Test
  void refusesAnApiUrlThatWouldBreakTheJson() {
    assertThatThrownBy(() -> ConsoleSite.config("x\"y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private String text(String name) {
    return new String(files.get(name), StandardCharsets.UTF_8);
  }
}
