package dev.bellows.instances;

import dev.bellows.model.Release;

import java.util.Optional;

/**
 * Why the database schema cannot serve a release that wants to start.
 *
 * @param release          the release that wants to start
 * @param reason           what is wrong
 * @param newestExpanded   the newest release whose expand phase is complete, if any
 * @param newestContracted the newest release whose contract phase is complete, if any
 */
public record StartupRefusal(Release release, Reason reason, Optional<Release> newestExpanded,
                             Optional<Release> newestContracted) {

    public enum Reason {
        /** expand(release) has not been applied: the schema lacks what the release needs. */
        NOT_EXPANDED,
        /** contract(C) for a release C newer than this one removed what this release needs. */
        CONTRACTED_PAST
    }

    /** The message for people: what is wrong and what to run or deploy. */
    public String message() {
        return switch (reason) {
            case NOT_EXPANDED -> "release " + release + " cannot start: the database schema "
                    + newestExpanded.map(r -> "is expanded only up to release " + r)
                            .orElse("has not been expanded for any release yet")
                    + ". Run `bellows expand --to " + release + "` first.";
            case CONTRACTED_PAST -> {
                Release c = newestContracted.orElseThrow();
                yield "release " + release + " cannot start: the schema was contracted for release " + c
                        + "; release " + release + " can no longer run against it (contract removed what releases "
                        + "before " + c + " need). Deploy release " + c + " or newer.";
            }
        };
    }
}
