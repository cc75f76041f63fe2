package shop.localstack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** CreateArchive, DescribeArchive, ListArchives, UpdateArchive and DeleteArchive. */
final class ArchiveOperations {
  private static final List<String> STATES =
      List.of("ENABLED", "DISABLED", "CREATING", "UPDATING", "CREATE_FAILED", "UPDATE_FAILED");

  private final BusRules rules;
  private final BusArchives archives;

  ArchiveOperations(BusRules rules, BusArchives archives) {
    this.rules = rules;
    this.archives = archives;
  }

  Map<String, EventBridgeOperations.Operation> byName() {
    return Map.of(
        "CreateArchive", this::createArchive,
        "DescribeArchive", this::describeArchive,
        "ListArchives", this::listArchives,
        "UpdateArchive", this::updateArchive,
        "DeleteArchive", this::deleteArchive);
  }

  private ObjectNode createArchive(JsonInput in) {
    String sourceArn = in.required("EventSourceArn");
    String bus = Arns.busName(sourceArn);
    rules.requireBus(bus);
    BusArchives.Archive archive =
        archives.create(in.required("ArchiveName"), bus, sourceArn, settings(in));
    return stateJson(archive);
  }

  private ObjectNode describeArchive(JsonInput in) {
    BusArchives.Archive archive = archives.archive(in.required("ArchiveName"));
    ObjectNode node = summaryJson(archive).put("ArchiveArn", archive.arn());
    JsonOutput.putIfSet(node, "Description", archive.description());
    JsonOutput.putIfSet(node, "EventPattern", archive.pattern());
    return node;
  }

  private ObjectNode listArchives(JsonInput in) {
    ListFilters filters = ListFilters.of(in, "ListArchives", STATES);
    // a filter on a bus that does not exist is an error in AWS, not an empty list
    filters.eventSourceArn().ifPresent(arn -> rules.requireBus(Arns.busName(arn)));
    List<BusArchives.Archive> matching =
        archives.archives(filters.namePrefix()).stream()
            .filter(a -> filters.accepts(a.sourceArn(), BusArchives.Archive.STATE))
            .toList();
    return Page.of(matching, in).response("Archives", ArchiveOperations::summaryJson);
  }

  private ObjectNode updateArchive(JsonInput in) {
    return stateJson(archives.update(in.required("ArchiveName"), settings(in)));
  }

  private ObjectNode deleteArchive(JsonInput in) {
    archives.delete(in.required("ArchiveName"));
    return JsonNodeFactory.instance.objectNode();
  }

  /** The settings of CreateArchive and UpdateArchive; a pattern is checked when applied. */
  private static BusArchives.Update settings(JsonInput in) {
    Integer retentionDays = in.integer("RetentionDays").orElse(null);
    if (retentionDays != null && retentionDays < 0) {
      throw AwsError.validation(
          "1 validation error detected: Value '"
              + retentionDays
              + "' at 'retentionDays' failed to satisfy constraint: Member must have value greater"
              + " than or equal to 0");
    }
    return new BusArchives.Update(
        in.string("Description").orElse(null),
        in.string("EventPattern").orElse(null),
        retentionDays);
  }

  /** The answer of CreateArchive and UpdateArchive. */
  private static ObjectNode stateJson(BusArchives.Archive archive) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("ArchiveArn", archive.arn())
        .put("State", BusArchives.Archive.STATE)
        .put("CreationTime", JsonOutput.epochSeconds(archive.created()));
  }

  /** An archive as ListArchives lists it (DescribeArchive adds to this). */
  private static ObjectNode summaryJson(BusArchives.Archive archive) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("ArchiveName", archive.name())
        .put("EventSourceArn", archive.sourceArn())
        .put("State", BusArchives.Archive.STATE)
        .put("RetentionDays", archive.retentionDays())
        .put("SizeBytes", archive.sizeBytes())
        .put("EventCount", archive.eventCount())
        .put("CreationTime", JsonOutput.epochSeconds(archive.created()));
  }
}
