package dev.bellows.spring.it;

import dev.bellows.testing.TestDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the Spring Boot bookshop as a real process ({@code java -cp} with the class path Maven
 * resolved for Boot 3.5 or 4.0), or of an example's executable jar ({@code java -jar}), its output in a log file.
 */
final class BookshopApp {

    /** A Boot version's class path, as the example modules wrote it. */
    record Boot(String name, String classPath) {

        static Boot three() {
            return new Boot("boot3", System.getProperty("bookshop.jar") + java.io.File.pathSeparator
                    + read("bookshop.boot3.classpath"));
        }

        static Boot four() {
            return new Boot("boot4", read("bookshop.boot4.classpath"));
        }

        static String read(String property) {
            try {
                return Files.readString(Path.of(System.getProperty(property))).strip();
            } catch (IOException e) {
                throw new IllegalStateException("class path file " + System.getProperty(property) + " missing: "
                        + "build the examples first (mvn -B verify builds them before this module)", e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final String release;
    final int port;
    final Path log;
    final Process process;

    private BookshopApp(String name, String release, int port, Path log, Process process) {
        this.name = name;
        this.release = release;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static BookshopApp start(Boot boot, TestDatabase db, Path logs, String name, String release,
                             List<String> extra) throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx160m",
                "-cp", boot.classPath(),
                "dev.bellows.example.spring.BookshopApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.bellows.release=" + release,
                "--spring.bellows.instance-id=" + name,
                "--spring.bellows.instance-ttl=8s",
                "--spring.bellows.heartbeat-interval=1s",
                "--spring.bellows.contract-delay=3s",
                "--spring.bellows.contract-check-interval=500ms",
                "--spring.bellows.batch.size=400",
                "--spring.bellows.batch.max=400",
                "--spring.bellows.batch.pause=50ms",
                "--spring.main.banner-mode=off",
                "--logging.level.org.springframework=WARN",
                "--logging.level.org.apache=WARN"));
        cmd.addAll(extra);
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new BookshopApp(name, release, port, log, p);
    }

    /**
     * An executable Boot jar started with {@code java -jar}, as a user runs it: its classes and migrations in
     * {@code BOOT-INF/classes}, its libraries as jars nested in it. Only the connection and the port are given.
     */
    static BookshopApp startJar(Path jar, TestDatabase db, Path logs, String name, List<String> extra)
            throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx160m",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.bellows.instance-id=" + name,
                "--spring.main.banner-mode=off",
                "--logging.level.org.springframework=WARN",
                "--logging.level.org.apache=WARN"));
        cmd.addAll(extra);
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new BookshopApp(name, "(from the jar)", port, log, p);
    }

    /** Waits until readiness (which includes Bellows' health) answers 200; false if the process ended first. */
    boolean awaitReady(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " not ready after " + timeout + "; log:\n" + log());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as Kubernetes sends it: graceful shutdown finishes requests and deregisters. */
    int stop() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not stop within 30 s; log:\n" + log());
        }
        return process.exitValue();
    }

    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " still running after " + timeout + "; log:\n" + log());
        }
        return process.exitValue();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return name + " (release " + release + ", port " + port + ")";
    }
}
