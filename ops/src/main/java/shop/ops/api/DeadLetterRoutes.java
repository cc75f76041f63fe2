package shop.ops.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import shop.ops.OpsModule;
import shop.ops.deadletter.DiscardDeadLetters;
import shop.ops.deadletter.InspectDeadLetters;
import shop.ops.deadletter.ListDeadLetterQueues;
import shop.ops.deadletter.ReplayDeadLetters;
import shop.ops.deadletter.ReplayOutcome;
import shop.ops.deadletter.Selection;
import shop.platform.auth.Caller;
import shop.platform.domain.InvalidFieldException;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;

/**
 * The consumers' dead-letter queues: list them, inspect one, replay or discard from one. Admins
 * only.
 */
final class DeadLetterRoutes {
  private final ListDeadLetterQueues listQueues;
  private final InspectDeadLetters inspect;
  private final ReplayDeadLetters replay;
  private final DiscardDeadLetters discard;

  DeadLetterRoutes(OpsModule module) {
    this.listQueues = module.listDeadLetterQueues();
    this.inspect = module.inspectDeadLetters();
    this.replay = module.replayDeadLetters();
    this.discard = module.discardDeadLetters();
  }

  void register(HttpApi.Builder api) {
    api.route("GET /admin/dlqs", this::list)
        .route("GET /admin/dlqs/{consumer}/messages", this::messages)
        .route("POST /admin/dlqs/{consumer}/replay", this::replay)
        .route("POST /admin/dlqs/{consumer}/discard", this::discard);
  }

  private HttpResponse list(HttpRequest request) {
    request.callerWithRole(Caller.OPS);
    return HttpResponse.ok(Map.of("items", listQueues.list()));
  }

  private HttpResponse messages(HttpRequest request) {
    request.callerWithRole(Caller.OPS);
    Selection selection =
        new Selection(null, request.query("type").orElse(null), time(request, "since"), null);
    int limit = request.queryInt("limit", 20, 1, 1000);
    return HttpResponse.ok(
        Map.of("items", inspect.inspect(request.path("consumer"), selection, limit)));
  }

  private HttpResponse replay(HttpRequest request) {
    Caller caller = request.callerWithRole(Caller.OPS);
    ReplayRequest body = request.body(ReplayRequest.class);
    ReplayOutcome outcome =
        replay.replay(
            request.path("consumer"),
            body.selection(),
            body.isDryRun(),
            body.rateOrDefault(),
            caller.email());
    return HttpResponse.of(outcome.complete() ? 200 : 207, outcome);
  }

  private HttpResponse discard(HttpRequest request) {
    Caller caller = request.callerWithRole(Caller.OPS);
    DiscardRequest body = request.body(DiscardRequest.class);
    return HttpResponse.ok(
        Map.of("items", discard.discard(request.path("consumer"), body.idSet(), caller.email())));
  }

  private static Instant time(HttpRequest request, String name) {
    return request
        .query(name)
        .map(
            text -> {
              try {
                return Instant.parse(text);
              } catch (DateTimeParseException e) {
                throw new InvalidFieldException(
                    name, "must be an ISO-8601 time like 2026-11-24T10:00:00Z");
              }
            })
        .orElse(null);
  }
}
