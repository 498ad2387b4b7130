package dev.bellows.legacy;

import dev.bellows.testing.TestDatabase;

final class RunnerColumns {

    private RunnerColumns() {
    }

    static boolean exists(TestDatabase db, String table, String column) throws Exception {
        return db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = '" + table
                + "' AND column_name = '" + column + "' AND table_schema = "
                + (db.dialect().id().equals("postgresql") ? "current_schema()" : "database()")) == 1;
    }
}
