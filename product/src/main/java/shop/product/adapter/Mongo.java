package shop.product.adapter;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Duration;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Blocking at the edge of the reactive driver: a Lambda handles one request at a time, so each
 * store call waits for its one round trip, bounded by a timeout.
 */
final class Mongo {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Mongo() {}

  static <T> T one(Publisher<T> publisher) {
    return Mono.from(publisher).block(TIMEOUT);
  }

  static <T> List<T> all(Publisher<T> publisher) {
    return Flux.from(publisher).collectList().block(TIMEOUT);
  }

  static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException write
        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
