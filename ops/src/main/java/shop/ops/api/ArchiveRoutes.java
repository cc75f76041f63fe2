package shop.ops.api;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.ops.OpsModule;
import shop.ops.archive.ArchiveReplays.ReplayProgress;
import shop.ops.archive.ShowArchiveReplay;
import shop.ops.archive.StartArchiveReplay;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;

/** Archive replays: start one (it runs on at EventBridge), then follow it. Ops only. */
final class ArchiveRoutes {
  private final StartArchiveReplay start;
  private final ShowArchiveReplay show;

  ArchiveRoutes(OpsModule module) {
    this.start = module.startArchiveReplay();
    this.show = module.showArchiveReplay();
  }

  void register(HttpApi.Builder api) {
    api.route("POST /admin/archive/replays", this::start)
        .route("GET /admin/archive/replays/{name}", this::show);
  }

  private HttpResponse start(HttpRequest request) {
    Caller caller = request.callerWithRole(Caller.OPS);
    ArchiveReplayRequest body = request.body(ArchiveReplayRequest.class);
    StartArchiveReplay.Started started =
        start.start(
            new StartArchiveReplay.Command(
                body.from(), body.to(), blankAsNull(body.consumer()), caller.email()));
    return HttpResponse.of(202, progress(started.name(), started.progress()));
  }

  private HttpResponse show(HttpRequest request) {
    request.callerWithRole(Caller.OPS);
    String name = request.path("name");
    return HttpResponse.ok(progress(name, show.show(new ShowArchiveReplay.Query(name))));
  }

  private static Map<String, Object> progress(String name, ReplayProgress progress) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("state", progress.state());
    if (progress.lastReplayed() != null) {
      body.put("lastReplayed", progress.lastReplayed());
    }
    if (progress.reason() != null) {
      body.put("reason", progress.reason());
    }
    return body;
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
