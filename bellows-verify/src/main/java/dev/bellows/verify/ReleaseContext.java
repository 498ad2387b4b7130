package dev.bellows.verify;

import dev.bellows.model.Release;

import java.util.HashSet;
import java.util.Set;

/**
 * What the verdicts of one release need to know.
 *
 * @param release       the release being verified
 * @param atExpandStart the catalog before this release's expand: its objects are "pre-existing"
 *                      (the previous release uses them). Empty for the first release, which may
 *                      therefore create anything.
 * @param addedInExpand identities of objects that this release's expand added (known once its
 *                      expand is done): its contract must not remove them
 * @param atPhaseStart  the catalog when the current phase started: its tables serve traffic while
 *                      the phase runs (for expand the same as {@code atExpandStart}; in migrate and
 *                      contract the tables expand added are in use too)
 */
public record ReleaseContext(Release release, CatalogSnapshot atExpandStart, Set<String> addedInExpand,
                             CatalogSnapshot atPhaseStart) {

    public ReleaseContext {
        addedInExpand = Set.copyOf(addedInExpand);
    }

    public static ReleaseContext starting(Release release, CatalogSnapshot atExpandStart) {
        return new ReleaseContext(release, atExpandStart, Set.of(), atExpandStart);
    }

    /** The context for migrate, once expand has finished with {@code afterExpand}. */
    public ReleaseContext expanded(CatalogSnapshot afterExpand) {
        Set<String> added = new HashSet<>(afterExpand.objects().keySet());
        added.removeAll(atExpandStart.objects().keySet());
        return new ReleaseContext(release, atExpandStart, added, afterExpand);
    }

    /** The context for a later phase that starts with {@code atStart}. */
    public ReleaseContext phaseStarting(CatalogSnapshot atStart) {
        return new ReleaseContext(release, atExpandStart, addedInExpand, atStart);
    }

    /** Existed before this release's expand: the previous release uses it. */
    public boolean preExisting(String identity) {
        return identity != null && atExpandStart.contains(identity);
    }

    /**
     * Existed before this release's expand, possibly under an earlier identity: an index or
     * constraint that the database re-created unchanged (a type change rebuilds them) is still the
     * one the previous release relies on.
     */
    public boolean preExisting(SchemaObject object) {
        return preExisting(object.identity()) || CatalogDiff.rebuildable(object)
                && atExpandStart.objects().values().stream()
                .anyMatch(x -> CatalogDiff.rebuildable(x) && CatalogDiff.sameObject(x, object));
    }

    /**
     * Serves traffic while the current phase runs (existed when it started), so a lock that blocks
     * it for long is downtime. Objects created earlier in the same phase are exempt: nobody uses them yet.
     */
    public boolean inUse(String identity) {
        return identity != null && atPhaseStart.contains(identity);
    }
}
