package io.laotie.live.room;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One frame of the room channel: a JSON object whose first field is its lower-kebab-case {@code type}. Ids are
 * written as strings, as everywhere in the API.
 */
public final class Frame {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Frame(String type) {
        fields.put("type", type);
    }

    public static Frame of(String type) {
        return new Frame(type);
    }

    public Frame with(String name, @org.jspecify.annotations.Nullable Object value) {
        if (value != null) {
            fields.put(name, value instanceof Long id && name.toLowerCase().endsWith("id") ? String.valueOf(id) : value);
        }
        return this;
    }

    public String type() {
        return (String) fields.get("type");
    }

    Map<String, Object> fields() {
        return fields;
    }

    /** The frame's fields, to nest it in another frame. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(fields);
    }
}
