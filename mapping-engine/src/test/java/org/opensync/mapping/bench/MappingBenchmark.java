package org.opensync.mapping.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.opensync.mapping.apply.AttributeChange;
import org.opensync.mapping.apply.CompiledObjectMapping;
import org.opensync.mapping.apply.MappingOptions;
import org.opensync.mapping.apply.MappingResult;
import org.opensync.mapping.apply.Operation;
import org.opensync.mapping.expression.EvaluationEnvironment;
import org.opensync.mapping.value.ObjectImage;

/**
 * Throughput and allocation of mapping application with the 22 default SCIM user mappings, on one thread. Not a
 * test: run with {@code mvn -B -f mapping-engine/pom.xml -Pbench test-compile} (see README). Figures are printed.
 */
public final class MappingBenchmark {
    private static final int OBJECTS = 10_000;
    private static final long WARMUP_NANOS = 4_000_000_000L;
    private static final int MEASURED_ROUNDS = 5;
    private static final int OBJECTS_PER_ROUND = 1_000_000;

    private MappingBenchmark() {
    }

    public static void main(String[] args) {
        CompiledObjectMapping mapping = CompiledObjectMapping.compile(DefaultScimUserMappings.objectMapping(),
                DefaultScimUserMappings.source(), DefaultScimUserMappings.target(), MappingOptions.DEFAULT);
        EvaluationEnvironment environment = EvaluationEnvironment.system();
        List<Map<String, List<String>>> entries = entries(new SplittableRandom(2024));
        List<ObjectImage> sources = entries.stream().map(ObjectImage::fromLdap).toList();
        List<ObjectImage> currentTargets = new ArrayList<>();
        for (ObjectImage source : sources) {
            currentTargets.add(targetImage(mapping.apply(source, null, Operation.CREATE, environment)));
        }
        System.out.printf("mapping-engine benchmark: %d default SCIM user mappings, %d distinct generated users, "
                + "JDK %s, %d available processor(s), single thread%n", DefaultScimUserMappings.ROWS.length, OBJECTS,
                Runtime.version(), Runtime.getRuntime().availableProcessors());

        run("create (no target image; every mapping evaluated and exported)", i ->
                mapping.apply(sources.get(i), null, Operation.CREATE, environment).changes().size());
        run("update, target unchanged (22 comparisons, nothing exported)", i ->
                mapping.apply(sources.get(i), currentTargets.get(i), Operation.UPDATE, environment).changes().size());
        run("create incl. building the source image from an LDAP entry map", i ->
                mapping.apply(ObjectImage.fromLdap(entries.get(i)), null, Operation.CREATE, environment).changes().size());
        run("scope + matching values + create", i -> {
            ObjectImage source = sources.get(i);
            int inScope = mapping.scope(source).provisioned() ? 1 : 0;
            return inScope + mapping.matchingValues(source, environment).size()
                    + mapping.apply(source, null, Operation.CREATE, environment).changes().size();
        });
    }

    private static void run(String scenario, ToIntFunction<Integer> work) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        long sink = 0;
        long warmupEnd = System.nanoTime() + WARMUP_NANOS;
        for (int i = 0; System.nanoTime() < warmupEnd; i++) {
            sink += work.applyAsInt(i % OBJECTS);
        }
        double best = 0;
        double total = 0;
        long allocated = 0;
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            long bytesBefore = threads.getThreadAllocatedBytes(threadId);
            long started = System.nanoTime();
            for (int i = 0; i < OBJECTS_PER_ROUND; i++) {
                sink += work.applyAsInt(i % OBJECTS);
            }
            long elapsed = System.nanoTime() - started;
            allocated += threads.getThreadAllocatedBytes(threadId) - bytesBefore;
            double perSecond = OBJECTS_PER_ROUND * 1e9 / elapsed;
            best = Math.max(best, perSecond);
            total += perSecond;
        }
        System.out.printf("%-66s %,12.0f objects/s (best %,.0f)  %,7.0f bytes allocated/object  [%d]%n", scenario,
                total / MEASURED_ROUNDS, best, (double) allocated / (MEASURED_ROUNDS * (long) OBJECTS_PER_ROUND), sink);
    }

    /** The current target as a SCIM GET would show it after a previous export of the same values. */
    private static ObjectImage targetImage(MappingResult result) {
        ObjectImage.Builder builder = ObjectImage.builder();
        for (AttributeChange change : result.changes()) {
            builder.put(change.targetAttributeName(), change.value());
        }
        return builder.build();
    }

    private static List<Map<String, List<String>>> entries(SplittableRandom random) {
        String[] givenNames = {"Aiko", "John", "Zoë", "Łukasz", "María", "Pablo", "Chen", "Amara"};
        String[] surnames = {"Tanaka", "Doe", "Nowak", "García", "Gonsalves", "Li", "Okafor", "Müller"};
        String[] departments = {"Sales", "Research", "Finance", "Tour Operations", "IT"};
        List<Map<String, List<String>>> entries = new ArrayList<>(OBJECTS);
        for (int i = 0; i < OBJECTS; i++) {
            String given = givenNames[random.nextInt(givenNames.length)];
            String surname = surnames[random.nextInt(surnames.length)];
            String nickname = (given.charAt(0) + surname + i).toLowerCase();
            Map<String, List<String>> entry = new HashMap<>();
            entry.put("userPrincipalName", List.of(nickname + "@contoso.com"));
            entry.put("IsSoftDeleted", List.of(random.nextInt(20) == 0 ? "True" : "False"));
            entry.put("displayName", List.of(given + " " + surname));
            entry.put("givenName", List.of(given));
            entry.put("surname", List.of(surname));
            entry.put("mail", List.of(nickname + "@contoso.com"));
            entry.put("mailNickname", List.of(nickname));
            entry.put("employeeId", List.of(Integer.toString(100_000 + i)));
            entry.put("department", List.of(departments[random.nextInt(departments.length)]));
            optional(random, entry, "jobTitle", "Engineer " + random.nextInt(5));
            optional(random, entry, "preferredLanguage", "en-US");
            optional(random, entry, "physicalDeliveryOfficeName", "Building " + random.nextInt(40));
            optional(random, entry, "streetAddress", random.nextInt(999) + " Main Street");
            optional(random, entry, "city", "Redmond");
            optional(random, entry, "state", "WA");
            optional(random, entry, "postalCode", "98052");
            optional(random, entry, "country", "US");
            optional(random, entry, "telephoneNumber", "+1 425 555 " + (1000 + random.nextInt(9000)));
            optional(random, entry, "mobile", "+1 206 555 " + (1000 + random.nextInt(9000)));
            optional(random, entry, "facsimileTelephoneNumber", "+1 425 555 0000");
            optional(random, entry, "manager", "cn=Manager " + random.nextInt(100) + ",ou=Users,dc=contoso,dc=com");
            entries.add(entry);
        }
        return entries;
    }

    /** Roughly four in five users have each optional attribute, so null handling is exercised too. */
    private static void optional(SplittableRandom random, Map<String, List<String>> entry, String name, String value) {
        if (random.nextInt(5) != 0) {
            entry.put(name, List.of(value));
        }
    }
}
