package dev.bellows.verify;

import dev.bellows.ConfigurationException;

/**
 * The live database whose schema {@code verify --schema-from} copies into the shadow before it
 * verifies the pending releases. Only read: the connection is opened read-only.
 *
 * @param url           JDBC URL of the live database
 * @param user          its user (needs no superuser: reading the catalog is enough)
 * @param password      never printed
 * @param rowsFromStats give every copied table the row count the live statistics report (capped at
 *                      {@code rowCap}), so rewrite and scan findings say how long they would lock it
 * @param rowCap        the most rows generated per table with {@code rowsFromStats}
 */
public record SchemaSource(String url, String user, String password, boolean rowsFromStats, int rowCap) {

    public static final int DEFAULT_ROW_CAP = 100_000;

    public SchemaSource {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("--schema-from needs a JDBC URL, e.g. "
                    + "--schema-from jdbc:postgresql://db.example.com/app");
        }
        if (rowCap < 1) {
            throw new ConfigurationException("--rows-cap must be 1 or more, not " + rowCap);
        }
    }

    public static SchemaSource of(String url, String user, String password) {
        return new SchemaSource(url, user, password, false, DEFAULT_ROW_CAP);
    }

    public SchemaSource withRowsFromStats(int cap) {
        return new SchemaSource(url, user, password, true, cap);
    }

    @Override
    public String toString() {
        return url;
    }
}
