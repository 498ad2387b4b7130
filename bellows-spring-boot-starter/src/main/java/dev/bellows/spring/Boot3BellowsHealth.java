package dev.bellows.spring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@link BellowsHealth} as a Boot 3.5 health indicator ({@code /actuator/health/bellows}). */
final class Boot3BellowsHealth implements HealthIndicator {

    private final BellowsHealth health;

    Boot3BellowsHealth(BellowsHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        BellowsHealth.Result r = health.check();
        return (r.up() ? Health.up() : Health.down()).withDetails(r.details()).build();
    }
}
