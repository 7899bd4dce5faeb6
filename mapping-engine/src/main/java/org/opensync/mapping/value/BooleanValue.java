package org.opensync.mapping.value;

import java.util.List;

/** A predicate result; renders as {@code True}/{@code False} like the reference service. */
public final class BooleanValue implements Value {
    public static final BooleanValue TRUE = new BooleanValue(true);
    public static final BooleanValue FALSE = new BooleanValue(false);

    private final boolean value;
    private final String text;

    private BooleanValue(boolean value) {
        this.value = value;
        this.text = value ? "True" : "False";
    }

    public static BooleanValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public boolean value() {
        return value;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public List<String> strings() {
        return List.of(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
