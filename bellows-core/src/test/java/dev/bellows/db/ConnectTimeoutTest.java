package dev.bellows.db;

import dev.bellows.DatabaseException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A PostgreSQL address that accepts connections and never answers is an error within the login timeout. */
class ConnectTimeoutTest {

    @Test
    void aServerThatAcceptsAndNeverAnswersIsAnErrorNotAHang() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepted, never read, never answered
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ConnectionSettings settings = new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/app", "app", "s3cr3t-pw");
            long t0 = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                assertThatThrownBy(settings::connect).isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:")
                        .hasMessageContaining("loginTimeout=15 s")
                        .hasMessageContaining("?loginTimeout=60")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw"));
            });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofSeconds(10),
                    Duration.ofSeconds(30));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
