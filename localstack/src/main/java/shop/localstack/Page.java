package shop.localstack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a List* answer, cut by the request's {@code Limit} (1 to 100; everything when absent)
 * and {@code NextToken}. The token is opaque to callers, as in AWS; here it encodes the offset of
 * the page's first item in the (name-sorted) full list.
 *
 * @param nextToken the token for the following page, or null on the last page
 */
record Page<T>(List<T> items, String nextToken) {
  private static final int MAX_LIMIT = 100;
  private static final String TOKEN_PREFIX = "offset:";

  static <T> Page<T> of(List<T> all, JsonInput in) {
    int from = in.string("NextToken").map(Page::offset).orElse(0);
    int limit = in.integer("Limit").orElse(MAX_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw AwsError.validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value "
              + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    int start = Math.min(from, all.size());
    int end = Math.min(start + limit, all.size());
    return new Page<>(all.subList(start, end), end < all.size() ? token(end) : null);
  }

  /**
   * The List* response: the page's items under {@code member}, and NextToken when there is more.
   */
  ObjectNode response(String member, Function<T, ObjectNode> toJson) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode list = response.putArray(member);
    items.forEach(item -> list.add(toJson.apply(item)));
    JsonOutput.putIfSet(response, "NextToken", nextToken);
    return response;
  }

  private static String token(int offset) {
    return Base64.getUrlEncoder()
        .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith(TOKEN_PREFIX)) {
        int offset = Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // not one of our tokens: answered below as AWS answers a foreign token
    }
    throw AwsError.validation("The nextToken provided is invalid.");
  }
}
