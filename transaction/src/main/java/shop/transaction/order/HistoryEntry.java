package shop.transaction.order;

import java.time.Instant;

/** One step of an order's history: the event, its version and the status it left. */
public record HistoryEntry(long version, String event, OrderStatus status, Instant at) {}
