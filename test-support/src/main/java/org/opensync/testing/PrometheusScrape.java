package org.opensync.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code /q/metrics} answer (Prometheus text format), read the way Prometheus reads it: tests assert on
 * what a scrape shows, not on the service's meter objects.
 */
public final class PrometheusScrape {
    /** A sample line; in OpenMetrics (what services answer by default) possibly followed by an exemplar. */
    private static final Pattern SAMPLE = Pattern.compile(
            "(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)(?: # \\{[^}]*} .*)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    public PrometheusScrape(String text) {
        this.text = text;
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels} (0 when there is none). */
    public double sum(String name, Map<String, String> labels) {
        double sum = 0;
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            if (sample.group(1).equals(name) && hasLabels(sample.group(3), labels)) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    /** Whether any sample of {@code name} exists. */
    public boolean has(String name) {
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            if (sample.group(1).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLabels(String labelText, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (labelText == null) {
            return false;
        }
        Map<String, String> labels = new java.util.HashMap<>();
        Matcher label = LABEL.matcher(labelText);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }
}
