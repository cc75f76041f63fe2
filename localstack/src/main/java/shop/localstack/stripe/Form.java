package shop.localstack.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request's parameters as Stripe's API takes them: form-encoded, with hashes as {@code
 * metadata[key]=value} and lists as {@code enabled_events[0]=...} (or {@code enabled_events[]=}).
 */
final class Form {
  private final Map<String, String> pairs;

  private Form(Map<String, String> pairs) {
    this.pairs = pairs;
  }

  static Form parse(String encoded) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (encoded != null && !encoded.isBlank()) {
      int unnamed = 0;
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (name.endsWith("[]")) {
          name = name.substring(0, name.length() - 2) + "[" + unnamed++ + "]";
        }
        pairs.put(name, value);
      }
    }
    return new Form(pairs);
  }

  /** The value of a plain parameter, or null. */
  String get(String name) {
    return pairs.get(name);
  }

  boolean isTrue(String name) {
    return "true".equals(pairs.get(name));
  }

  /** A hash parameter ({@code metadata[order_id]=...}) as a map; empty when absent. */
  Map<String, String> hash(String name) {
    Map<String, String> hash = new LinkedHashMap<>();
    String prefix = name + "[";
    pairs.forEach(
        (key, value) -> {
          if (key.startsWith(prefix) && key.endsWith("]")) {
            hash.put(key.substring(prefix.length(), key.length() - 1), value);
          }
        });
    return hash;
  }

  /** A list parameter ({@code enabled_events[0]=...}) in index order; empty when absent. */
  List<String> list(String name) {
    return new ArrayList<>(new TreeMap<>(indexed(name)).values());
  }

  private Map<Integer, String> indexed(String name) {
    Map<Integer, String> items = new LinkedHashMap<>();
    hash(name)
        .forEach(
            (index, value) -> {
              try {
                items.put(Integer.parseInt(index), value);
              } catch (NumberFormatException notAList) {
                // a hash key, not a list index: not part of the list
              }
            });
    return items;
  }

  /** The parameters in a canonical order: two requests with the same parameters compare equal. */
  String canonical() {
    return new TreeMap<>(pairs).toString();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
