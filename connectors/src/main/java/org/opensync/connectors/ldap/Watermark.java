package org.opensync.connectors.ldap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
  * Where the next delta read starts: an opaque string to store as it is and hand back. It is small JSON so that an
  * operator can read it, in one of two shapes:
  * <pre>
  * {"v":1,"mode":"contentSync","cookies":{"User":"&lt;base64 RFC 4533 cookie&gt;","Group":"…"}}
  * {"v":1,"mode":"timestamp","attribute":"modifyTimestamp","since":"2026-11-26T05:39:04Z"}
  * {"v":1,"mode":"dirSync","cookie":"&lt;base64 Active Directory DirSync cookie&gt;"}
  * {"v":1,"mode":"usn","usn":3992,"server":"CN=NTDS Settings,CN=DC1,…"}
  * </pre>
  * Content-sync cookies are kept per type because each type is a separate sync search whose cookie is only valid
  * for the changes that search has seen. One DirSync cookie covers every type: the DirSync search runs once, from
  * the domain's root. A uSNChanged position names the domain controller whose update sequence numbers it counts: they
  * mean nothing on another DC.
  */
public record Watermark(String value) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    public Watermark {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }

    sealed interface Position permits ContentSyncPosition, TimestampPosition, DirSyncPosition, UsnPosition {
    }

    /** RFC 4533 cookies by type name. */
    record ContentSyncPosition(Map<String, byte[]> cookies) implements Position {
        ContentSyncPosition {
            cookies = Map.copyOf(cookies);
        }
    }

    /** Entries whose {@code attribute} (modifyTimestamp, or whenChanged on AD) is at or after {@code since}. */
    record TimestampPosition(String attribute, Instant since) implements Position {
    }

    /** Active Directory DirSync: the cookie the DC returned with the last page. */
    record DirSyncPosition(byte[] cookie) implements Position {
    }

    /** Active Directory without the replication right: objects whose uSNChanged is above {@code usn} on {@code server}. */
    record UsnPosition(long usn, String server) implements Position {
    }

    static Watermark of(Position position) {
        ObjectNode node = JSON.createObjectNode().put("v", VERSION);
        if (position instanceof ContentSyncPosition sync) {
            node.put("mode", "contentSync");
            ObjectNode cookies = node.putObject("cookies");
            sync.cookies().forEach((type, cookie) -> cookies.put(type, Base64.getEncoder().encodeToString(cookie)));
        } else if (position instanceof TimestampPosition time) {
            node.put("mode", "timestamp").put("attribute", time.attribute()).put("since", time.since().toString());
        } else if (position instanceof DirSyncPosition dirSync) {
            node.put("mode", "dirSync").put("cookie", Base64.getEncoder().encodeToString(dirSync.cookie()));
        } else if (position instanceof UsnPosition usn) {
            node.put("mode", "usn").put("usn", usn.usn()).put("server", usn.server());
        }
        return new Watermark(node.toString());
    }

    /** @throws WatermarkUnusableException when this is not a watermark this reader wrote */
    Position position() {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new WatermarkUnusableException("not a watermark this reader wrote", e);
        }
        if (node == null || !node.isObject() || node.path("v").asInt() != VERSION) {
            throw new WatermarkUnusableException("unknown watermark format", null);
        }
        try {
            return switch (node.path("mode").asText()) {
                case "contentSync" -> {
                    Map<String, byte[]> cookies = new LinkedHashMap<>();
                    node.path("cookies").fields().forEachRemaining(
                            field -> cookies.put(field.getKey(), Base64.getDecoder().decode(field.getValue().asText())));
                    yield new ContentSyncPosition(cookies);
                }
                case "timestamp" -> new TimestampPosition(requiredText(node, "attribute"),
                        Instant.parse(requiredText(node, "since")));
                case "dirSync" -> new DirSyncPosition(Base64.getDecoder().decode(requiredText(node, "cookie")));
                case "usn" -> {
                    if (!node.path("usn").canConvertToLong() || node.path("usn").asLong() < 0) {
                        throw new IllegalArgumentException("missing usn");
                    }
                    yield new UsnPosition(node.path("usn").asLong(), requiredText(node, "server"));
                }
                default -> throw new WatermarkUnusableException("unknown mode '" + node.path("mode").asText() + "'", null);
            };
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new WatermarkUnusableException("corrupt watermark: " + e.getMessage(), e);
        }
    }

    private static String requiredText(JsonNode node, String field) {
        if (!node.path(field).isTextual() || node.path(field).asText().isEmpty()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return node.path(field).asText();
    }
}
