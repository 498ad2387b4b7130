package dev.bellows.cli.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * K instances of the old release and K of the new one. At first the K old ones serve; a rolling
 * switch starts one new instance and then stops one old one, K times, so K instances serve at
 * every moment.
 */
public final class Traffic {

    private final List<Client> oldClients = new ArrayList<>();
    private final List<Client> newClients = new ArrayList<>();
    private int switched;

    public Traffic(int k, AppRelease from, AppRelease to, String url, String user, String password,
                   Latencies latencies, long maxId) {
        for (int i = 0; i < k; i++) {
            oldClients.add(new Client(from, url, user, password, latencies, maxId, 1_000 + i));
            newClients.add(new Client(to, url, user, password, latencies, maxId, 2_000 + i));
        }
    }

    public int size() {
        return oldClients.size();
    }

    public void startOld() throws InterruptedException {
        for (Client c : oldClients) {
            c.start();
        }
    }

    /** Switches the next instance from the old release to the new one; returns its 1-based number. */
    public int switchNext() throws InterruptedException {
        newClients.get(switched).start();
        oldClients.get(switched).stop();
        return ++switched;
    }

    /** How many instances still run the old release. */
    public int oldRunning() {
        return (int) oldClients.stream().filter(Client::isRunning).count();
    }

    public void stopAll() throws InterruptedException {
        for (Client c : oldClients) {
            c.stop();
        }
        for (Client c : newClients) {
            c.stop();
        }
    }
}
