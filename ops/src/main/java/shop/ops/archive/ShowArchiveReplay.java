package shop.ops.archive;

import java.util.regex.Pattern;
import shop.platform.domain.InvalidFieldException;

/** How far an archive replay that operators started has come. */
public final class ShowArchiveReplay {
  private final ArchiveReplays replays;

  public ShowArchiveReplay(ArchiveReplays replays) {
    this.replays = replays;
  }

  /** A replay the ops tooling started: its names are {@code ops-<epoch millis>}. */
  public record Query(String name) {
    private static final Pattern NAME = Pattern.compile("ops-[0-9]{1,19}");

    public Query {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new InvalidFieldException("name", "must be a replay the ops tooling started (ops-…)");
      }
    }
  }

  public ArchiveReplays.ReplayProgress show(Query query) {
    return replays.progress(query.name());
  }
}
