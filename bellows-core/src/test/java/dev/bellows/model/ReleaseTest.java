package dev.bellows.model;

import dev.bellows.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseTest {

    @Test
    void sortsVersionAware() {
        List<String> sorted = Stream.of("2.0", "1.10", "1.9", "2026.2", "2026.1", "1.2.3")
                .map(Release::of).sorted().map(Release::name).toList();
        assertThat(sorted).containsExactly("1.2.3", "1.9", "1.10", "2.0", "2026.1", "2026.2");
    }

    @Test
    void missingTrailingPartsAreZero() {
        assertThat(Release.of("1.0")).isEqualTo(Release.of("1")).hasSameHashCodeAs(Release.of("1.0.0"));
    }

    @Test
    void rejectsNonVersions() {
        for (String bad : List.of("", "v1.0", "1..2", "1.0-rc1", "latest", "1.", ".1")) {
            assertThat(Release.parse(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> Release.of("v2")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'v2' is not a release version");
    }
}
