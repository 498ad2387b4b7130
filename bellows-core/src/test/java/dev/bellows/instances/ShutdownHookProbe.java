package dev.bellows.instances;

import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;

/**
 * Run in a child JVM by {@link ShutdownHookTest}: registers, prints "registered", then either returns
 * from main ({@code exit}: only the daemon heartbeat thread is left, so the JVM ends) or waits to be
 * terminated ({@code wait}: SIGTERM, as Kubernetes or systemd stop a service); {@code nohook} returns
 * from main without the shutdown hook.
 */
public final class ShutdownHookProbe {

    private ShutdownHookProbe() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        BellowsInstance.builder(ds, "1.0").id(args[1]).ttl(Duration.ofSeconds(60))
                .shutdownHook(!args[2].equals("nohook")).register();
        System.out.println("registered");
        System.out.flush();
        if (args[2].equals("wait")) {
            Thread.sleep(60_000);
        }
    }
}
