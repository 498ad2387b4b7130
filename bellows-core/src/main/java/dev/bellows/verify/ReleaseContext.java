package dev.bellows.verify;

import dev.bellows.model.Release;

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
 */
public record ReleaseContext(Release release, CatalogSnapshot atExpandStart, Set<String> addedInExpand) {

    public ReleaseContext {
        addedInExpand = Set.copyOf(addedInExpand);
    }

    public static ReleaseContext starting(Release release, CatalogSnapshot atExpandStart) {
        return new ReleaseContext(release, atExpandStart, Set.of());
    }

    /** The context for migrate and contract, once expand has finished with {@code afterExpand}. */
    public ReleaseContext expanded(CatalogSnapshot afterExpand) {
        Set<String> added = new java.util.HashSet<>(afterExpand.objects().keySet());
        added.removeAll(atExpandStart.objects().keySet());
        return new ReleaseContext(release, atExpandStart, added);
    }

    public boolean preExisting(String identity) {
        return identity != null && atExpandStart.contains(identity);
    }
}
