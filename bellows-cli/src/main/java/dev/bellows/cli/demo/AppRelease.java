package dev.bellows.cli.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;

/**
 * One release of the example bookshop application, reduced to the fixed set of statements it issues
 * (inserts, updates, selects), each request one statement in autocommit, like a web request.
 */
public interface AppRelease {

    /** The release name, e.g. {@code 1.2}. */
    String name();

    /** Issues one request; {@code maxId} bounds the ids it reads and updates. */
    void request(Connection c, Random random, long maxId) throws SQLException;
}
