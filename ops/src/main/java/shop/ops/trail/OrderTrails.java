package shop.ops.trail;

import java.util.List;

/** Where the trail consumer keeps each order's events (port; DynamoDB, with a TTL). */
public interface OrderTrails {
  /** Keeps {@code event}; keeping the same event again changes nothing. */
  void keep(TrailEvent event);

  /** The events kept for {@code orderId}, oldest first. */
  List<TrailEvent> eventsOf(String orderId);
}
