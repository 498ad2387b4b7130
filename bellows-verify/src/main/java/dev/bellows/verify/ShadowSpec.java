package dev.bellows.verify;

import java.util.OptionalInt;

/** Where the shadow database comes from. */
public sealed interface ShadowSpec {

    /** The embedded PostgreSQL bundled with Bellows, started and removed by verify. */
    record Embedded(OptionalInt postgresMajor) implements ShadowSpec {
    }

    /** An empty database the user provides; verify refuses one that is not empty. */
    record Url(String url, String user, String password) implements ShadowSpec {
        @Override
        public String toString() {
            return url;
        }
    }

    static ShadowSpec embedded() {
        return new Embedded(OptionalInt.empty());
    }

    static ShadowSpec url(String url, String user, String password) {
        return new Url(url, user, password);
    }
}
