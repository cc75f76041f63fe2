package shop.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;

/** Turns a JSON request body into a validated object, or a 4xx problem that names what is wrong. */
final class RequestBodies {
  private final ObjectMapper mapper;
  private final BeanValidation validation;

  RequestBodies(ObjectMapper mapper, BeanValidation validation) {
    this.mapper = mapper;
    this.validation = validation;
  }

  <T> T read(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw ProblemException.badRequest("a JSON request body is required");
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest("malformed JSON: " + firstLine(e));
    }
    refuseNul(tree, "");
    T value;
    try {
      value = mapper.treeToValue(tree, type);
    } catch (ValueInstantiationException e) {
      // A record's compact constructor refused the value: its message says why.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw ProblemException.invalidField(path(e), cause.getMessage());
    } catch (InvalidFormatException e) {
      throw ProblemException.invalidField(path(e), "must be " + describe(e.getTargetType()));
    } catch (MismatchedInputException e) {
      throw ProblemException.invalidField(path(e), mismatch(e));
    } catch (JsonMappingException e) {
      throw ProblemException.invalidField(path(e), "is not valid");
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest("the body cannot be read: " + firstLine(e));
    }
    if (value == null) {
      throw ProblemException.badRequest("a JSON request body is required");
    }
    validation.validate(value);
    return value;
  }

  /**
   * A NUL character ({@code \u0000}) is never meant in a text field, and PostgreSQL cannot store
   * one: refused here, naming the field, rather than failing in the database.
   */
  private static void refuseNul(JsonNode node, String path) {
    if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
      throw ProblemException.invalidField(
          path.isEmpty() ? "body" : path, "must not contain a NUL character");
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseNul(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (var field : node.properties()) {
        if (field.getKey().indexOf('\0') >= 0) {
          throw ProblemException.invalidField(
              path.isEmpty() ? "body" : path, "must not contain a NUL character in a field name");
        }
        refuseNul(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
      }
    }
  }

  private static String mismatch(MismatchedInputException e) {
    if (e.getTargetType() == null) {
      return "is not valid";
    }
    return "must be " + describe(e.getTargetType());
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "valid";
    }
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class) {
      return "an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + List.of(type.getEnumConstants());
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    return "an object";
  }

  /**
   * The JSON path of the failing value: {@code items[0].quantity}; {@code body} for the document
   * itself.
   */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String firstLine(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
