package dev.bellows.verify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The user schema of the shadow database at one moment, keyed by object identity. */
public record CatalogSnapshot(Map<String, SchemaObject> objects) {

    public CatalogSnapshot {
        objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    public static CatalogSnapshot of(Collection<SchemaObject> objects) {
        Map<String, SchemaObject> m = new LinkedHashMap<>();
        for (SchemaObject o : objects) {
            m.put(o.identity(), o);
        }
        return new CatalogSnapshot(m);
    }

    public boolean contains(String identity) {
        return objects.containsKey(identity);
    }

    public Optional<SchemaObject> get(String identity) {
        return Optional.ofNullable(objects.get(identity));
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }
}
