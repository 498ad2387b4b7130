package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.db.Dialect;
import dev.bellows.load.Paths;
import dev.bellows.sql.SqlScript;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntaxException;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a {@code --seed} file on the shadow, statement by statement. */
final class SeedRunner {

    private SeedRunner() {
    }

    static void run(Connection c, Seed seed, Dialect dialect) {
        SqlScript script;
        try {
            script = SqlSplitter.split(Files.readString(seed.file()), dialect.syntax());
        } catch (IOException e) {
            throw new ConfigurationException("--seed " + Paths.display(seed.file()) + " cannot be read: "
                    + e.getMessage());
        } catch (SqlSyntaxException e) {
            throw new ConfigurationException("--seed " + Paths.display(seed.file()) + ":" + e.line() + ":"
                    + e.column() + ": " + e.getMessage());
        }
        for (SqlStatement s : script.statements()) {
            try (Statement st = c.createStatement()) {
                st.execute(s.sql());
            } catch (SQLException e) {
                throw new ConfigurationException("--seed " + Paths.display(seed.file()) + ":" + s.line() + ":"
                        + s.column() + " failed after release " + seed.release().name() + ": " + e.getMessage()
                        + "; fix the seed so it fits the schema of that release");
            }
        }
    }
}
