package shop.ops.trail;

/** The trail consumer's use case: keep one event in its order's trail (idempotent). */
public final class RecordTrailEvent {
  private final OrderTrails trails;

  public RecordTrailEvent(OrderTrails trails) {
    this.trails = trails;
  }

  public void record(TrailEvent event) {
    trails.keep(event);
  }
}
