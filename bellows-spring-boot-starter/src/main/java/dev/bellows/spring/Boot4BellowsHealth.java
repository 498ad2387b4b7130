package dev.bellows.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@link BellowsHealth} as a Boot 4.0 health indicator ({@code /actuator/health/bellows}). */
final class Boot4BellowsHealth implements HealthIndicator {

    private final BellowsHealth health;

    Boot4BellowsHealth(BellowsHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        BellowsHealth.Result r = health.check();
        return (r.up() ? Health.up() : Health.down()).withDetails(r.details()).build();
    }
}
