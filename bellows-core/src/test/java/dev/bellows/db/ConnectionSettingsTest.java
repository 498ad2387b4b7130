package dev.bellows.db;

import dev.bellows.DatabaseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSettingsTest {

    @Test
    void passwordsNeverAppearInMessages() {
        ConnectionSettings s = new ConnectionSettings("jdbc:postgresql://127.0.0.1:1/db?user=a&password=hunter2&ssl=false",
                "a", "other-secret");
        assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("other-secret").contains("password=***");
        assertThatThrownBy(s::connect).isInstanceOf(DatabaseException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("other-secret"));
    }

    @Test
    void dialectFollowsTheUrl() {
        assertThat(new ConnectionSettings("jdbc:postgresql://h/db", null, null).dialect().id()).isEqualTo("postgresql");
        assertThat(new ConnectionSettings("jdbc:mariadb://h/db", null, null).dialect().id()).isEqualTo("mysql");
        assertThat(new ConnectionSettings("jdbc:mysql://h/db", null, null).dialect().id()).isEqualTo("mysql");
        assertThatThrownBy(() -> new ConnectionSettings("jdbc:oracle:thin:@h", null, null).dialect())
                .hasMessageContaining("unsupported JDBC URL");
    }

    @org.junit.jupiter.api.Test
    void aJdbcMysqlUrlReachesMariaDbThroughTheMariaDbDriver() throws Exception {
        dev.bellows.testing.TestDatabase db = dev.bellows.testing.Databases.mariadb();
        String mysqlUrl = db.url().replace("jdbc:mariadb:", "jdbc:mysql:");
        ConnectionSettings s = new ConnectionSettings(mysqlUrl, db.user(), db.password());
        assertThat(s.dialect().id()).isEqualTo("mysql");
        try (var c = s.connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(ConnectionSettings.driverUrl("jdbc:mysql://h/db?a=1")).isEqualTo("jdbc:mysql://h/db?a=1&permitMysqlScheme");
        assertThat(ConnectionSettings.driverUrl("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }
}
