package shop.platform.idempotency;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.EventEnvelope;
import shop.events.ShopEvent;
import shop.platform.events.EventHandler;

/**
 * Runs a handler at most once per event id through an {@link IdempotencyLedger}: a completed event
 * is skipped, an event in progress elsewhere fails with {@link EventInProgressException} (so SQS
 * retries it), and a failed run releases its claim before rethrowing.
 */
public final class IdempotentEventHandler<T extends ShopEvent> implements EventHandler<T> {
  private static final Logger log = LoggerFactory.getLogger(IdempotentEventHandler.class);

  private final String consumer;
  private final IdempotencyLedger ledger;
  private final EventHandler<T> delegate;

  public IdempotentEventHandler(
      String consumer, IdempotencyLedger ledger, EventHandler<T> delegate) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void handle(EventEnvelope<T> event) {
    switch (ledger.begin(consumer, event.id())) {
      case ALREADY_DONE -> log.debug("{}: event {} was already handled", consumer, event.id());
      case IN_PROGRESS -> throw new EventInProgressException(consumer, event.id());
      case STARTED -> run(event);
    }
  }

  private void run(EventEnvelope<T> event) {
    try {
      delegate.handle(event);
    } catch (RuntimeException e) {
      try {
        ledger.release(consumer, event.id());
      } catch (RuntimeException releaseFailed) {
        // The claim then expires by itself; the handler's failure is the one to report.
        e.addSuppressed(releaseFailed);
      }
      throw e;
    }
    try {
      ledger.complete(consumer, event.id());
    } catch (RuntimeException e) {
      // The effect has happened. Failing the message now would make SQS redeliver it and, once
      // the claim expires, repeat the effect; a lost completion only weakens the guard against
      // a rare duplicate delivery.
      log.warn(
          "{}: event {} handled but not marked complete in the ledger", consumer, event.id(), e);
    }
  }
}
