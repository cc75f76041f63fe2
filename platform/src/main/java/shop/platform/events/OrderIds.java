package shop.platform.events;

import java.lang.reflect.RecordComponent;
import java.util.Optional;
import shop.events.ShopEvent;

/**
 * The order an event is about, for the {@code orderId} of every log line written while it is
 * handled: the event record's {@code orderId} component, where it has one (user events have none).
 */
final class OrderIds {
  private static final ClassValue<RecordComponent> ORDER_ID =
      new ClassValue<>() {
        @Override
        protected RecordComponent computeValue(Class<?> type) {
          if (!type.isRecord()) {
            return null;
          }
          for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("orderId") && component.getType() == String.class) {
              return component;
            }
          }
          return null;
        }
      };

  private OrderIds() {}

  static Optional<String> of(ShopEvent data) {
    RecordComponent component = ORDER_ID.get(data.getClass());
    if (component == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable((String) component.getAccessor().invoke(data));
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }
}
