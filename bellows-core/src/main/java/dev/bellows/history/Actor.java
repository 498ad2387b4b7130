package dev.bellows.history;

import java.net.InetAddress;

/** Who applies migrations: the OS user and host, recorded in history. */
public record Actor(String user, String host) {

    public static Actor current() {
        String user = System.getProperty("user.name", "unknown");
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
        return new Actor(user, host);
    }
}
