package shop.notification.adapter;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import shop.notification.message.EmailContent;
import shop.notification.message.Template;
import shop.notification.message.Templates;

/**
 * Renders the templates under {@code templates/<id>/} on the classpath with jmustache: {@code
 * subject.mustache}, {@code email.html.mustache} (values HTML-escaped), {@code email.txt.mustache}
 * and {@code sms.txt.mustache}. Partials ({@code {{> name}}}) come from {@code
 * templates/partials/}. Every template is compiled at cold start, so a broken one fails the
 * deployment and not a send; a variable missing from the model fails the render rather than
 * printing nothing.
 */
public final class MustacheTemplates implements Templates {
  private static final String ROOT = "templates/";

  private final Map<Template, Compiled> compiled = new EnumMap<>(Template.class);

  private record Compiled(
      com.samskivert.mustache.Template subject,
      com.samskivert.mustache.Template html,
      com.samskivert.mustache.Template text,
      com.samskivert.mustache.Template sms) {}

  public MustacheTemplates() {
    Mustache.TemplateLoader partials = name -> reader(ROOT + "partials/" + name + ".mustache");
    Mustache.Compiler html = Mustache.compiler().escapeHTML(true).withLoader(partials);
    Mustache.Compiler text = Mustache.compiler().escapeHTML(false).withLoader(partials);
    for (Template template : Template.values()) {
      String dir = ROOT + template.id() + "/";
      compiled.put(
          template,
          new Compiled(
              compile(text, dir + "subject.mustache"),
              compile(html, dir + "email.html.mustache"),
              compile(text, dir + "email.txt.mustache"),
              compile(text, dir + "sms.txt.mustache")));
    }
  }

  @Override
  public EmailContent email(Template template, Map<String, Object> model) {
    Compiled c = compiled.get(template);
    String subject = render(c.subject(), model, template).strip();
    // The HTML layout shows the subject as the document title.
    Map<String, Object> withSubject = new HashMap<>(model);
    withSubject.put("subject", subject);
    return new EmailContent(
        subject, render(c.html(), withSubject, template), render(c.text(), model, template));
  }

  @Override
  public String sms(Template template, Map<String, Object> model) {
    return render(compiled.get(template).sms(), model, template).strip();
  }

  private static String render(
      com.samskivert.mustache.Template template, Map<String, Object> model, Template which) {
    try {
      return template.execute(model);
    } catch (MustacheException e) {
      throw new IllegalStateException("template " + which.id() + " cannot render its model", e);
    }
  }

  private static com.samskivert.mustache.Template compile(Mustache.Compiler compiler, String path) {
    try (Reader in = reader(path)) {
      return compiler.compile(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + path, e);
    }
  }

  private static Reader reader(String path) {
    InputStream in = MustacheTemplates.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing template " + path);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
