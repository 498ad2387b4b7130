package dev.bellows.lint.schema;

import dev.bellows.model.Phase;
import dev.bellows.model.Release;

/** Where an object was created: the release and phase of the migration that created it. */
public record Origin(Release release, Phase phase) {
}
