package org.opensync.mapping.value;

import java.util.List;

/** Absence of a value ("a Null is expressed by the absence of the attribute"). */
public final class NullValue implements Value {
    static final NullValue INSTANCE = new NullValue();

    private NullValue() {
    }

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    public boolean isNullOrEmpty() {
        return true;
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public String text() {
        return null;
    }

    @Override
    public List<String> strings() {
        return List.of();
    }

    @Override
    public String toString() {
        return "Null";
    }
}
