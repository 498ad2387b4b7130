package dev.bellows.run;

import dev.bellows.BellowsException;
import dev.bellows.DatabaseException;
import dev.bellows.RefusedException;
import dev.bellows.data.BatchEngine;
import dev.bellows.data.BatchJob;
import dev.bellows.data.BatchJobs;
import dev.bellows.data.BatchListener;
import dev.bellows.data.BatchOptions;
import dev.bellows.data.BatchRun;
import dev.bellows.data.KeyRangeWork;
import dev.bellows.data.PlainProgress;
import dev.bellows.data.Transactions;
import dev.bellows.db.Dialect;
import dev.bellows.history.Actor;
import dev.bellows.history.AppliedMigration;
import dev.bellows.history.AppliedMigration.Outcome;
import dev.bellows.history.HistoryTable;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.sql.SqlStatement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies one migration file in the safest mode its statements and the database allow:
 * <ul>
 *   <li>one transaction (PostgreSQL, when every statement can run in one): all or nothing;</li>
 *   <li>statement by statement (CONCURRENTLY on PostgreSQL; any DDL on MySQL/MariaDB), each with its
 *       progress recorded, so a rerun continues after the last completed statement;</li>
 *   <li>batched (the migrate phase): each statement is repeated until it affects no rows, each
 *       batch committed together with its progress.</li>
 * </ul>
 */
final class MigrationExecutor {

    /** How a file is run; also what {@code plan} shows. */
    enum Mode {
        TRANSACTION("one transaction"),
        STATEMENTS("statement by statement"),
        BATCHED("batched until no rows change");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private final Connection c;
    private final dev.bellows.db.ConnectionSettings db;
    private final Dialect dialect;
    private final HistoryTable history;
    private final RunOptions options;
    private final Actor actor;
    private final LockRetry retry;
    private final Consumer<String> progress;
    private boolean progressTableReady;

    /** @param db where {@code c} connects; a second connection reports what a long concurrent build waits for */
    MigrationExecutor(Connection c, dev.bellows.db.ConnectionSettings db, Dialect dialect, HistoryTable history,
                      RunOptions options, Actor actor) {
        this.c = c;
        this.db = db;
        this.dialect = dialect;
        this.history = history;
        this.options = options;
        this.actor = actor;
        this.retry = new LockRetry(dialect, options);
        this.progress = options.progress();
    }

    static Mode mode(Migration m, Dialect dialect) {
        if (m.phase() == Phase.MIGRATE) {
            return Mode.BATCHED;
        }
        if (dialect.transactionalDdl() && m.statements().stream().allMatch(dialect::canRunInTransaction)) {
            return Mode.TRANSACTION;
        }
        return Mode.STATEMENTS;
    }

    /** How {@code plan} describes the way a file runs: the mode, and for batched files which kind of batches. */
    static String describe(Migration m, Dialect dialect) {
        Mode mode = mode(m, dialect);
        if (mode != Mode.BATCHED) {
            return mode.label;
        }
        if (m.isJava()) {
            return "Java batches until 0 rows";
        }
        boolean keyed = m.statements().stream().flatMap(s -> s.tokens().stream())
                .anyMatch(t -> t.type() == dev.bellows.sql.TokenType.PARAMETER && t.text().equalsIgnoreCase(":from"));
        return keyed ? "keyed batches over key ranges" : mode.label;
    }

    /** Applies the file; {@code previous} is its history row from an interrupted or failed attempt. */
    void apply(Migration m, Optional<AppliedMigration> previous) throws SQLException {
        long t0 = System.nanoTime();
        previous.filter(row -> row.outcome() == Outcome.RUNNING).ifPresent(row -> progress.accept("  " + m.fileName()
                + "  an earlier run was interrupted here (started " + row.startedAt() + " by " + row.appliedBy() + "@"
                + row.host() + "; it left " + plural(row.statementsDone(), "statement") + " of "
                + m.statements().size() + " done" + (row.rowsAffected() > 0 ? ", " + plural(row.rowsAffected(), "row")
                + " changed in " + plural(row.batches(), "batch") : "") + "); continuing from there"));
        Mode mode = mode(m, dialect);
        if (mode == Mode.TRANSACTION && previous.map(AppliedMigration::statementsDone).orElse(0) > 0) {
            // An earlier attempt ran statement by statement and recorded progress: never repeat those.
            mode = Mode.STATEMENTS;
        }
        switch (mode) {
            case TRANSACTION -> inTransaction(m, t0);
            case STATEMENTS -> statementByStatement(m, resumeAt(m, previous),
                    previous.filter(row -> row.outcome() == Outcome.RUNNING).isPresent(), t0);
            case BATCHED -> batched(m, resumeAt(m, previous), t0);
            default -> throw new IllegalStateException(mode.name());
        }
    }

    private void inTransaction(Migration m, long t0) throws SQLException {
        int[] current = {0};
        c.setAutoCommit(false);
        try {
            retry.run(m.id(), () -> {
                history.start(c, m, actor);
                List<SqlStatement> statements = m.statements();
                for (int i = 0; i < statements.size(); i++) {
                    current[0] = i;
                    execute(statements.get(i));
                }
                history.progress(c, m.id(), statements.size(), prefixChecksum(m, statements.size()), 0, 0);
                history.finish(c, m.id(), Outcome.SUCCESS, millisSince(t0), null);
                c.commit();
                return null;
            }, c::rollback);
        } catch (SQLException e) {
            rollbackQuietly(e);
            autoCommitQuietly();
            SqlStatement s = m.statements().get(current[0]);
            recordFailure(m, t0, e);
            throw new MigrationFailedException(m.displayPath(), s.line(), s.column(),
                    "Nothing of this file was applied (it ran in one transaction); fix it and rerun.", e);
        } finally {
            autoCommitQuietly();
        }
        progress.accept("  " + m.fileName() + "  done in " + millisSince(t0) + " ms (" + Mode.TRANSACTION.label
                + ", " + plural(m.statements().size(), "statement") + ")");
    }

    /**
     * Runs the file statement by statement from {@code from}; {@code interrupted}: an earlier run stopped
     * while it ran statement {@code from} or just before it (its history row still says running).
     */
    private void statementByStatement(Migration m, int from, boolean interrupted, long t0) throws SQLException {
        history.start(c, m, actor);
        List<SqlStatement> statements = m.statements();
        if (from > 0) {
            progress.accept("  " + m.fileName() + "  continuing after statement " + from + " of " + statements.size());
        }
        for (int i = from; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            int done = i + 1;
            try {
                if (!dialect.canRunInTransaction(s)) {
                    boolean ran = outsideTransaction(m, s);
                    if (!ran) {
                        progress.accept("  " + m.fileName() + ":" + s.line() + "  already completed by an "
                                + "interrupted run; not repeated");
                    }
                    history.progress(c, m.id(), done, prefixChecksum(m, done), 0, 0);
                } else {
                    c.setAutoCommit(false);
                    retry.run(m.fileName() + ":" + s.line(), () -> {
                        execute(s);
                        history.progress(c, m.id(), done, prefixChecksum(m, done), 0, 0);
                        c.commit();
                        return null;
                    }, c::rollback);
                }
            } catch (SQLException | RefusedException e) {
                rollbackQuietly(e);
                autoCommitQuietly();
                if (interrupted && i == from && e instanceof SQLException sql && dialect.tookEffectBefore(sql)) {
                    // The interrupted run's statement committed by itself (DDL on MySQL/MariaDB) and the run was
                    // stopped before the history recorded it: it is done, not to be repeated.
                    history.progress(c, m.id(), done, prefixChecksum(m, done), 0, 0);
                    progress.accept("  " + m.fileName() + ":" + s.line() + "  had taken effect before the "
                            + "interrupted run could record it (the server says: " + sql.getMessage()
                            + "); not repeated");
                    continue;
                }
                String left = dialect.canRunInTransaction(s) ? "" : leftBehind(s);
                recordFailure(m, t0, e.getMessage() + left);
                String where = i == 0 ? "No statement of this file was applied" : "Statements 1-" + i
                        + " of this file were applied and recorded";
                if (e instanceof RefusedException refused) {
                    throw new RefusedException(m.displayPath() + ":" + s.line() + ": " + refused.getMessage() + left
                            + " " + where + "; a rerun continues with statement " + done + ".");
                }
                throw new MigrationFailedException(m.displayPath(), s.line(), s.column(), where
                        + (i == 0 ? "; fix it and rerun." : "; fix the failing statement and rerun: Bellows continues "
                        + "with statement " + done + ".") + left, (SQLException) e);
            } finally {
                autoCommitQuietly();
            }
        }
        history.finish(c, m.id(), Outcome.SUCCESS, millisSince(t0), null);
        progress.accept("  " + m.fileName() + "  done in " + millisSince(t0) + " ms (" + Mode.STATEMENTS.label
                + ", " + plural(statements.size(), "statement") + ")");
    }

    /**
     * Runs a statement that cannot run in a transaction, retried on lock timeouts. Before every try an
     * INVALID index of an earlier, failed concurrent build is dropped. Concurrent builds wait for older
     * transactions without the lock timeout: their locks never block the application's reads and writes.
     * Returns false when an earlier attempt had already completed the statement.
     */
    private boolean outsideTransaction(Migration m, SqlStatement s) throws SQLException {
        boolean patient = dialect.waitsOnlyForOlderTransactions(s);
        if (patient) {
            dialect.setLockTimeout(c, java.time.Duration.ZERO);
        }
        try (WaitReporter reporter = patient ? WaitReporter.start(db, dialect, c, m.fileName() + ":" + s.line(),
                progress) : null) {
            return retry.run(m.fileName() + ":" + s.line(), () -> {
                if (dialect.prepareNonTransactional(c, s) == Dialect.PriorAttempt.COMPLETED) {
                    return false;
                }
                execute(s);
                return true;
            }, () -> { });
        } finally {
            if (patient && !c.isClosed()) {
                dialect.setLockTimeout(c, options.lockTimeout());
            }
        }
    }

    /**
     * After a non-transactional statement failed: drops what it left behind (the INVALID index of a
     * concurrent build), and says exactly what was left and what became of it.
     */
    private String leftBehind(SqlStatement s) {
        Optional<String> leftover;
        try {
            leftover = c.isClosed() ? Optional.empty() : dialect.leftoverOf(c, s);
        } catch (SQLException e) {
            return " Whether it left an INVALID index behind could not be checked (" + e.getMessage().strip()
                    + "); the next run checks and drops one before it retries.";
        }
        if (leftover.isEmpty()) {
            return " It left nothing behind.";
        }
        try {
            dialect.dropLeftover(c, leftover.get());
            return " The INVALID index " + leftover.get() + " that the failed build left behind was dropped.";
        } catch (SQLException e) {
            return " It left the INVALID index " + leftover.get() + " behind, which could not be dropped now ("
                    + e.getMessage().strip() + "): the next run drops it before it retries, or drop it yourself "
                    + "with DROP INDEX CONCURRENTLY " + leftover.get() + ";.";
        }
    }

    private void batched(Migration m, int from, long t0) throws SQLException {
        history.start(c, m, actor);
        BatchOptions batching = options.batching();
        BatchListener listener = batching.listener() == BatchListener.NONE
                ? new PlainProgress(progress, m.fileName()) : batching.listener();
        BatchEngine engine = new BatchEngine(dialect, batching.withListener(listener), this::inBatchTransaction);
        if (!progressTableReady) {
            engine.prepare(c);
            progressTableReady = true;
        }
        int jobs = m.isJava() ? 1 : m.statements().size();
        long batchesThisRun = 0;
        long rowsThisRun = 0;
        int backoffs = 0;
        String how = m.isJava() ? "Java batches" : Mode.BATCHED.label;
        for (int i = from; i < jobs; i++) {
            int index = i;
            int line = m.isJava() ? 0 : m.statements().get(i).line();
            int column = m.isJava() ? 0 : m.statements().get(i).column();
            String doneChecksum = prefixChecksum(m, index);
            BatchRun run;
            try {
                BatchJob job = m.isJava() ? BatchJobs.java(m) : BatchJobs.statement(m, i, dialect);
                if (job.work() instanceof KeyRangeWork) {
                    how = "keyed batches over key ranges";
                }
                run = engine.run(c, job, options.maxBatches() - batchesThisRun, (conn, rows, batches) ->
                        history.progress(conn, m.id(), index, doneChecksum, rows, batches));
            } catch (SQLException | RuntimeException e) {
                if (e instanceof BellowsException && !(e instanceof DatabaseException)) {
                    // Refused (e.g. lock retries used up) or a bad definition: the row says so, never "running".
                    recordFailure(m, t0, e.getMessage());
                    throw (BellowsException) e;
                }
                SQLException cause = e instanceof SQLException se ? se : new SQLException(e.toString(), e);
                recordFailure(m, t0, cause);
                throw new MigrationFailedException(m.displayPath(), line, column,
                        "Completed batches are kept and recorded; fix the cause and rerun to continue after the last "
                                + "completed batch. If you edit the " + (m.isJava() ? "class" : "statement")
                                + ", keep its table and key: the rerun starts from the recorded position.", cause);
            }
            batchesThisRun += run.batches();
            rowsThisRun += run.rows();
            backoffs += run.backoffs();
            if (!run.finished()) {
                String note = "stopped after " + batchesThisRun + " batches (--max-batches); rerun "
                        + "`bellows migrate` to continue";
                history.finish(c, m.id(), Outcome.RUNNING, millisSince(t0), note);
                throw new RefusedException(m.displayPath() + ": not finished, " + note + ". "
                        + plural(rowsThisRun, "row") + " changed in this run.");
            }
            if (!m.isJava()) {
                history.progress(c, m.id(), i + 1, prefixChecksum(m, i + 1), 0, 0);
            }
        }
        history.finish(c, m.id(), Outcome.SUCCESS, millisSince(t0), null);
        progress.accept("  " + m.fileName() + "  done in " + millisSince(t0) + " ms (" + how + ", "
                + plural(rowsThisRun, "row") + " in " + plural(batchesThisRun, "batch")
                + (backoffs == 0 ? "" : ", backed off " + plural(backoffs, "time") + " for waiting sessions") + ")");
    }

    /** One batch: a transaction, retried on lock timeouts like any other step. */
    private <T> T inBatchTransaction(String what, Transactions.Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            return retry.run(what, () -> {
                T result = work.run();
                c.commit();
                return result;
            }, c::rollback);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(e);
            throw e;
        } finally {
            autoCommitQuietly();
        }
    }

    /** Where an interrupted or failed statement-by-statement or batched run continues. */
    private int resumeAt(Migration m, Optional<AppliedMigration> previous) {
        if (previous.isEmpty() || previous.get().statementsDone() == 0) {
            return 0;
        }
        AppliedMigration row = previous.get();
        int done = row.statementsDone();
        if (done > m.statements().size() || !prefixChecksum(m, done).equals(row.doneChecksum())) {
            throw new RefusedException(m.displayPath() + ": statements 1-" + done + " of this file already ran in an "
                    + "earlier attempt, but their text has changed since. Restore them as they were (only the "
                    + "statements after them may be edited), so that Bellows can continue with statement "
                    + (done + 1) + ".");
        }
        return done;
    }

    private void recordFailure(Migration m, long t0, SQLException e) {
        recordFailure(m, t0, e.getMessage());
    }

    /**
     * Best effort: on a lost connection the row cannot be written, and the error of trying must not
     * hide the real cause (the next run reports the row the interrupted run left).
     */
    private void recordFailure(Migration m, long t0, String message) {
        try {
            if (c.isClosed()) {
                return;
            }
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            history.start(c, m, actor);
            history.finish(c, m.id(), Outcome.FAILED, millisSince(t0), message);
        } catch (SQLException ignored) {
            // the connection is gone; the cause is reported by the caller
        }
    }

    /** Rolls back an open transaction; on a lost connection its error is kept beside the real cause. */
    private void rollbackQuietly(Exception cause) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Back to autocommit; never throws, so a lost connection's error does not replace the real cause. */
    private void autoCommitQuietly() {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is gone; the real cause is already on its way up
        }
    }

    private Void execute(SqlStatement s) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(s.sql());
        }
        return null;
    }

    /** SHA-256 of the first {@code n} statements' text: proves a resumed file did not change what already ran. */
    static String prefixChecksum(Migration m, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(m.statements().get(i).sql()).append("\n;\n");
        }
        return MigrationLoader.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static String plural(long n, String noun) {
        String formatted = String.format(java.util.Locale.ROOT, "%,d", n);
        return formatted + " " + (n == 1 ? noun : noun.endsWith("ch") ? noun + "es" : noun + "s");
    }
}
