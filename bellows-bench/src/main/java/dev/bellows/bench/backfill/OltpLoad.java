package dev.bellows.bench.backfill;

import dev.bellows.db.Dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent OLTP clients on the table being backfilled: each request is a primary-key read or a
 * primary-key update of a random row (half and half), one statement in autocommit, 1 ms think time.
 */
final class OltpLoad implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final LatencyWindows windows;
    private volatile boolean running = true;
    private volatile String table;
    private final AtomicLong errors = new AtomicLong();

    OltpLoad(int clients, String url, String user, String password, String table, long rows,
             LatencyWindows windows) {
        this.windows = windows;
        this.table = table;
        for (int i = 0; i < clients; i++) {
            long seed = 42 + i;
            Thread t = new Thread(() -> loop(url, user, password, rows, new Random(seed)), "oltp-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** Switches the clients to another table (with the same shape). */
    void target(String newTable) {
        table = newTable;
    }

    long errors() {
        return errors.get();
    }

    private void loop(String url, String user, String password, long rows, Random r) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            String current = null;
            PreparedStatement read = null;
            PreparedStatement write = null;
            while (running) {
                if (!table.equals(current)) {
                    current = table;
                    String t = Dialect.forUrl(url).quote(current);
                    read = c.prepareStatement("SELECT id, n, payload, counter FROM " + t + " WHERE id = ?");
                    write = c.prepareStatement("UPDATE " + t + " SET counter = counter + 1 WHERE id = ?");
                }
                long id = 1 + (long) (r.nextDouble() * rows);
                String window = windows.current();
                long t0 = System.nanoTime();
                try {
                    if (r.nextBoolean()) {
                        read.setLong(1, id);
                        try (ResultSet rs = read.executeQuery()) {
                            rs.next();
                        }
                    } else {
                        write.setLong(1, id);
                        write.executeUpdate();
                    }
                } catch (SQLException e) {
                    errors.incrementAndGet();
                }
                windows.record(window, System.nanoTime() - t0);
                Thread.sleep(1);
            }
        } catch (SQLException e) {
            errors.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(60_000);
        }
    }
}
