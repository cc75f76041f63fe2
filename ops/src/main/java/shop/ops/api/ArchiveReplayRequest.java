package shop.ops.api;

import java.time.Instant;

/** The body of an archive replay: the window, and one consumer or none for every rule. */
record ArchiveReplayRequest(Instant from, Instant to, String consumer) {}
