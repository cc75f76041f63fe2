package shop.notification.message;

import java.util.Map;

/**
 * Renders templates with a model of strings, booleans and lists of such maps. Values are
 * HTML-escaped in HTML and left as they are in text.
 */
public interface Templates {
  EmailContent email(Template template, Map<String, Object> model);

  String sms(Template template, Map<String, Object> model);
}
