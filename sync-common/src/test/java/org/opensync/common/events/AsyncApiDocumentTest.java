package org.opensync.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.secrets.SecretsChanged;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/asyncapi.yaml describes every topic of {@link Topics} (the README's topic table names the same ones) and has,
 * for every event class and version, a JSON Schema with exactly the properties and types Jackson writes for it.
 * {@code -Dasyncapi.write=true} rewrites the document's channels and schemas from the classes first.
 */
class AsyncApiDocumentTest {
    private static final Path DOCUMENT = Path.of("../docs/asyncapi.yaml");
    private static final Path README = Path.of("../README.md");
    /** Every topic and the events it carries; sync.dead-letter carries any of them. */
    private static final Map<String, List<Class<? extends Event>>> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put(Topics.JOB_COMMANDS, permitted(JobCommand.class));
        TOPICS.put(Topics.TICKS, List.of(Tick.class));
        TOPICS.put(Topics.JOB_EVENTS, permitted(JobEvent.class));
        TOPICS.put(Topics.OBJECT_CHANGES, permitted(ObjectChange.class));
        TOPICS.put(Topics.PROVISIONING_LOGS, List.of(ProvisioningLogRecorded.class));
        TOPICS.put(Topics.INBOUND_RECORDS, List.of(InboundRecordReceived.class));
        TOPICS.put(Topics.SOURCE_CHANGES, List.of(SourceChanged.class));
        TOPICS.put(Topics.TEMPLATES, List.of(TemplatePublished.class));
        TOPICS.put(Topics.SCHEMAS, List.of(JobSchemaPublished.class));
        TOPICS.put(Topics.SECRETS, List.of(SecretsChanged.class));
        TOPICS.put(Topics.JOB_SETTINGS, List.of(JobSettingsPublished.class));
        TOPICS.put(Topics.DEAD_LETTER, List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEventClassAndVersionHasASchemaWithItsFields() throws IOException {
        if (Boolean.getBoolean("asyncapi.write")) {
            write();
        }
        Map<String, Object> document = new Yaml().load(Files.readString(DOCUMENT));
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Map<String, Object> messages = (Map<String, Object>) components.get("messages");
        Set<String> expected = new LinkedHashSet<>();
        for (Class<? extends Event> event : events()) {
            String name = event.getSimpleName() + "V" + EventCodec.SUPPORTED_VERSION;
            expected.add(name);
            assertThat(schemas).as("schema of " + event.getName()).containsKey(name);
            assertThat(schemas.get(name)).as(name).isEqualTo(eventSchema(event));
            assertThat(messages).as("message of " + name).containsKey(name);
        }
        assertThat(messages.keySet()).as("no message for an event that does not exist").isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTopicIsAChannelAndInTheReadmeTopicTable() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(DOCUMENT));
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document.get("channels");
        List<String> addresses = channels.values().stream().map(channel -> (String) channel.get("address")).toList();
        List<String> constants = Arrays.stream(Topics.class.getFields()).map(AsyncApiDocumentTest::constant).toList();
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(constants)
                .containsExactlyInAnyOrderElementsOf(TOPICS.keySet());
        assertThat(readmeTopics()).containsExactlyInAnyOrderElementsOf(constants);
        for (Map<String, Object> channel : channels.values()) {
            Set<String> carried = ((Map<String, Object>) channel.get("messages")).keySet();
            List<String> events = TOPICS.get((String) channel.get("address")).stream()
                    .map(event -> event.getSimpleName() + "V" + EventCodec.SUPPORTED_VERSION).toList();
            if (!channel.get("address").equals(Topics.DEAD_LETTER)) {
                assertThat(carried).as((String) channel.get("address")).containsExactlyInAnyOrderElementsOf(events);
            }
        }
    }

    /** The schema of an event: its properties; id, time, type and version always present, type naming the class. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> eventSchema(Class<? extends Event> event) {
        Map<String, Object> schema = EventSchemas.of(event);
        Set<String> required = new LinkedHashSet<>(List.of("eventId", "occurredAt", "type", "version"));
        required.addAll((List<String>) schema.getOrDefault("required", List.of()));
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        properties.put("type", Map.of("const", event.getSimpleName()));
        properties.put("version", Map.of("const", EventCodec.SUPPORTED_VERSION));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", "object");
        result.put("required", new ArrayList<>(required));
        result.put("properties", properties);
        return result;
    }

    private static List<Class<? extends Event>> events() {
        return TOPICS.values().stream().flatMap(List::stream).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Event>> permitted(Class<? extends Event> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .<Class<? extends Event>>map(type -> (Class<? extends Event>) type).toList();
    }

    private static String constant(java.lang.reflect.Field field) {
        try {
            assertThat(Modifier.isStatic(field.getModifiers())).isTrue();
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The topics in the first column of the README's table under "### Events". */
    private static List<String> readmeTopics() throws IOException {
        String events = Files.readString(README).split("### Events", 2)[1];
        String table = events.substring(events.indexOf("| Topic |")).split("\n\n", 2)[0];
        Matcher row = Pattern.compile("(?m)^\\| `(sync\\.[a-z-]+)`").matcher(table);
        List<String> topics = new ArrayList<>();
        while (row.find()) {
            topics.add(row.group(1));
        }
        return topics;
    }

    /** Rewrites channels, messages and schemas of docs/asyncapi.yaml from the classes, keeping the rest. */
    @SuppressWarnings("unchecked")
    private static void write() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(DOCUMENT));
        Map<String, Object> channels = (Map<String, Object>) document.get("channels");
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        ((Map<String, Object>) components.get("schemas")).forEach((name, schema) -> {
            if (!name.matches(".*V\\d+")) {
                schemas.put(name, schema); // hand-written ones, e.g. the headers
            }
        });
        for (Class<? extends Event> event : events()) {
            String name = event.getSimpleName() + "V" + EventCodec.SUPPORTED_VERSION;
            schemas.put(name, eventSchema(event));
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("name", event.getSimpleName());
            message.put("contentType", "application/json");
            message.put("headers", Map.of("$ref", "#/components/schemas/Headers"));
            message.put("payload", Map.of("$ref", "#/components/schemas/" + name));
            messages.put(name, message);
        }
        for (Object value : channels.values()) {
            Map<String, Object> channel = (Map<String, Object>) value;
            List<Class<? extends Event>> carried = TOPICS.get((String) channel.get("address"));
            if (!channel.get("address").equals(Topics.DEAD_LETTER)) {
                Map<String, Object> refs = new LinkedHashMap<>();
                Stream.of(carried).flatMap(List::stream).forEach(event -> refs.put(event.getSimpleName() + "V"
                        + EventCodec.SUPPORTED_VERSION, Map.of("$ref", "#/components/messages/" + event.getSimpleName()
                        + "V" + EventCodec.SUPPORTED_VERSION)));
                channel.put("messages", refs);
            }
        }
        components.put("messages", messages);
        components.put("schemas", schemas);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        String header = Files.readString(DOCUMENT).lines().takeWhile(line -> line.startsWith("#"))
                .reduce("", (text, line) -> text + line + "\n");
        Files.writeString(DOCUMENT, header + new Yaml(options).dump(document));
    }
}
