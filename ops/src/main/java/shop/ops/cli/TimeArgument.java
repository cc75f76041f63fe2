package shop.ops.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A time on the command line: an ISO instant ({@code 2026-11-24T10:00:00Z}) or an age ({@code 90s},
 * {@code 15m}, {@code 2h}, {@code 1d}).
 */
final class TimeArgument implements CommandLine.ITypeConverter<Instant> {
  private static final Pattern AGO = Pattern.compile("(\\d+)([smhd])");
  private final Clock clock;

  TimeArgument(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant convert(String value) {
    Matcher ago = AGO.matcher(value);
    if (ago.matches()) {
      long amount = Long.parseLong(ago.group(1));
      Duration duration =
          switch (ago.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
      return Instant.now(clock).minus(duration);
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a time: use 2026-11-24T10:00:00Z or an age like 15m, 2h, 1d");
    }
  }
}
