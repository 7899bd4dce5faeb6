package org.opensync.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's figures, also written as JSON ({@code e2e-tests/target/bench/<name>.json}) so that runs can be
 * compared: objects/s, the target's ceiling, CPU seconds per 1,000 objects and RSS per service, latency percentiles.
 */
final class BenchReport {
    private final String name;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    BenchReport(String name) {
        this.name = name;
        figures.put("benchmark", name);
        figures.put("at", Instant.now().toString());
        figures.put("cores", Runtime.getRuntime().availableProcessors());
    }

    BenchReport put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    /** p50, p95, p99 and max of the samples, in seconds. */
    static Map<String, Double> percentiles(List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("p50", at(sorted, 0.50));
        result.put("p95", at(sorted, 0.95));
        result.put("p99", at(sorted, 0.99));
        result.put("max", sorted.get(sorted.size() - 1));
        return result;
    }

    Path write() throws IOException {
        Path file = Path.of("target", "bench", name + ".json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), figures);
        System.out.printf("BENCH report written to %s%n", file.toAbsolutePath());
        return file;
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
