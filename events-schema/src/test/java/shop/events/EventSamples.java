package shop.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures: the checked-in sample of each event type, decoded. */
final class EventSamples {
  private EventSamples() {}

  static String json(EventType type) {
    try (InputStream in =
        EventSamples.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static <T extends ShopEvent> EventEnvelope<T> envelope(EventType type) {
    return (EventEnvelope<T>) CloudEventCodec.instance().decode(json(type));
  }
}
