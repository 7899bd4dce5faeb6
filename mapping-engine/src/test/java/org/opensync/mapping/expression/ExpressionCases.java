package org.opensync.mapping.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.provider.Arguments;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.Value;

/**
 * Table-driven expression tests: each row is an expression, the expected outcome and the source attributes.
 * Expected outcomes: a String (single value's text), a List (multi-valued), {@code null} (null result),
 * {@link #error(String)} (evaluation failure containing the fragment), or {@link #IGNORE_ATTRIBUTE}/{@link #IGNORE_OBJECT}.
 */
final class ExpressionCases {
    /** FREF's Now() example instant. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2021-07-02T15:33:38Z"), ZoneOffset.UTC);
    static final Object IGNORE_ATTRIBUTE = "<IgnoreAttributeFlow>";
    static final Object IGNORE_OBJECT = "<IgnoreObjectFlow>";

    record Failure(String fragment) {
        @Override
        public String toString() {
            return "error containing '" + fragment + "'";
        }
    }

    private ExpressionCases() {
    }

    static Failure error(String fragment) {
        return new Failure(fragment);
    }

    static EvaluationEnvironment environment() {
        return EvaluationEnvironment.system().withClock(CLOCK).withRandom(new SplittableRandom(7));
    }

    /** Attributes as alternating name, value; a value is a String, a List of Strings, or a Value. */
    static ObjectImage image(Object... attributes) {
        ObjectImage.Builder builder = ObjectImage.builder();
        for (int i = 0; i < attributes.length; i += 2) {
            String name = (String) attributes[i];
            Object value = attributes[i + 1];
            if (value instanceof Value v) {
                builder.put(name, v);
            } else if (value instanceof List<?> list) {
                builder.put(name, list.stream().map(String.class::cast).toList());
            } else {
                builder.put(name, (String) value);
            }
        }
        return builder.build();
    }

    static Arguments row(String expression, Object expected, Object... attributes) {
        return Arguments.of(expression, expected, image(attributes));
    }

    static void check(String expression, Object expected, ObjectImage source) {
        EvaluationOutcome outcome = Expressions.parse(expression).evaluate(source, environment());
        if (expected instanceof Failure failure) {
            assertThat(outcome).isInstanceOf(EvaluationOutcome.Failed.class);
            assertThat(((EvaluationOutcome.Failed) outcome).message()).contains(failure.fragment());
        } else if (expected == IGNORE_ATTRIBUTE || expected == IGNORE_OBJECT) {
            assertThat(outcome).isInstanceOf(EvaluationOutcome.Ignored.class);
            assertThat(((EvaluationOutcome.Ignored) outcome).signal().ignoresObject()).isEqualTo(expected == IGNORE_OBJECT);
        } else {
            assertThat(outcome).as("outcome of %s", expression).isInstanceOf(EvaluationOutcome.Produced.class);
            Value value = ((EvaluationOutcome.Produced) outcome).value();
            if (expected == null) {
                assertThat(value.isNull()).as("%s is null, got %s", expression, value).isTrue();
            } else if (expected instanceof List<?> values) {
                assertThat(value.isMultiValued()).as("%s is multi-valued, got %s", expression, value).isTrue();
                assertThat(value.strings()).isEqualTo(values);
            } else {
                assertThat(value.isMultiValued()).as("%s is single-valued, got %s", expression, value).isFalse();
                assertThat(value.text()).as(expression).isEqualTo(expected);
            }
        }
    }
}
