package shop.ops.outbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Lists the parked events of one publishing service, or of all of them, oldest first. */
public final class ListParkedEvents {
  /** The most events listed per service. */
  public static final int MAX_PER_SERVICE = 500;

  private final List<String> publishers;
  private final Outboxes outboxes;

  /**
   * @param publishers the services that publish events (each has an outbox)
   */
  public ListParkedEvents(List<String> publishers, Outboxes outboxes) {
    this.publishers = List.copyOf(publishers);
    this.outboxes = outboxes;
  }

  public List<ParkedEvent> list(Optional<String> service, int limit) {
    int bounded = Math.clamp(limit, 1, MAX_PER_SERVICE);
    List<ParkedEvent> parked = new ArrayList<>();
    for (String publisher : services(service)) {
      parked.addAll(outboxes.parked(publisher, bounded));
    }
    parked.sort(Comparator.comparing(ParkedEvent::createdAt).thenComparing(ParkedEvent::id));
    return parked.stream().limit(bounded).toList();
  }

  /** {@code service} when it is a publisher, or every publisher when absent. */
  List<String> services(Optional<String> service) {
    if (service.isEmpty()) {
      return publishers;
    }
    if (!publishers.contains(service.get())) {
      throw new UnknownServiceException(service.get(), publishers);
    }
    return List.of(service.get());
  }
}
