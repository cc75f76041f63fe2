package shop.localstack.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template from openapi.yaml ({@code /products/{id}/images}) matched the way API Gateway
 * HTTP APIs match routes: a parameter spans one path segment, and a route with more literal
 * segments wins over one with parameters.
 */
record RouteTemplate(
    String template, Pattern pattern, List<String> parameters, int literalSegments) {

  static RouteTemplate of(String template) {
    List<String> parameters = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    int literals = 0;
    for (String segment : template.substring(1).split("/", -1)) {
      regex.append('/');
      if (segment.startsWith("{") && segment.endsWith("}")) {
        parameters.add(segment.substring(1, segment.length() - 1));
        regex.append("([^/]+)");
      } else {
        literals++;
        regex.append(Pattern.quote(segment));
      }
    }
    regex.append('$');
    return new RouteTemplate(template, Pattern.compile(regex.toString()), parameters, literals);
  }

  /** The path parameters, URL-decoded, when {@code path} matches. */
  Optional<Map<String, String>> match(String path) {
    Matcher matcher = pattern.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      values.put(
          parameters.get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
    }
    return Optional.of(values);
  }
}
