package dev.bellows.spring.it;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client behind a load balancer: sends reads and writes, round-robin over the instances in rotation,
 * and counts every request that did not answer 2xx. An instance leaves the rotation before it is sent
 * SIGTERM (as a Kubernetes endpoint is removed before the pod stops) and joins it once ready.
 */
final class LoadBalancer implements AutoCloseable {

    private final List<BookshopApp> rotation = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong nextId;
    private final long seeded;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    /** The ids of the books each instance answered a POST for, in the order they were answered. */
    private final Map<BookshopApp, ConcurrentLinkedQueue<Long>> inserted = new ConcurrentHashMap<>();
    private final List<Thread> clients = new ArrayList<>();

    LoadBalancer(long seeded, int threads) {
        this.seeded = seeded;
        this.nextId = new AtomicLong(seeded + 1);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "client-" + i);
            t.setDaemon(true);
            clients.add(t);
        }
    }

    void start() {
        clients.forEach(Thread::start);
    }

    void add(BookshopApp app) {
        rotation.add(app);
    }

    /** Out of rotation, then a pause for requests already on their way (a load balancer's drain). */
    void remove(BookshopApp app) throws InterruptedException {
        rotation.remove(app);
        Thread.sleep(300);
    }

    private void loop() {
        long n = 0;
        while (running.get()) {
            List<BookshopApp> apps = rotation;
            if (apps.isEmpty()) {
                pause(20);
                continue;
            }
            BookshopApp app = apps.get((int) (n++ % apps.size()));
            String what;
            long posted = -1;
            try {
                HttpResponse<String> r;
                // a quarter of the requests add a book, drawn apart from the round-robin so that every instance in
                // rotation (whatever their number) receives writes
                if (ThreadLocalRandom.current().nextInt(4) == 0) {
                    long id = nextId.getAndIncrement();
                    posted = id;
                    what = "POST /books id " + id + " to " + app;
                    r = app.post("/books?id=" + id + "&title=t" + id + "&isbn=978" + id);
                } else {
                    long id = 1 + ThreadLocalRandom.current().nextLong(seeded);
                    what = "GET /books/" + id + " from " + app;
                    r = app.get("/books/" + id);
                }
                requests.incrementAndGet();
                if (r.statusCode() / 100 != 2) {
                    failed.incrementAndGet();
                    failures.add(what + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
                } else if (posted > 0) {
                    inserted.computeIfAbsent(app, a -> new ConcurrentLinkedQueue<>()).add(posted);
                }
            } catch (Exception e) {
                requests.incrementAndGet();
                failed.incrementAndGet();
                failures.add("request to " + app + ": " + e);
            }
            pause(5);
        }
    }

    /** The ids of the books {@code app} has added so far, oldest first. */
    List<Long> insertedThrough(BookshopApp app) {
        return List.copyOf(inserted.getOrDefault(app, new ConcurrentLinkedQueue<>()));
    }

    /** How many books all instances have added so far. */
    long insertedTotal() {
        return inserted.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : clients) {
            t.join(10_000);
        }
    }
}
