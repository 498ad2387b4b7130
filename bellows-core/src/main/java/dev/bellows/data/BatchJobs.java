package dev.bellows.data;

import dev.bellows.db.Dialect;
import dev.bellows.model.Migration;
import dev.bellows.sql.SqlStatement;

import java.lang.reflect.InvocationTargetException;

/** Turns a migrate-phase migration into its batch jobs: one per statement, or one for a Java class. */
public final class BatchJobs {

    private BatchJobs() {
    }

    /** The job of statement {@code index} (0-based) of a SQL file. */
    public static BatchJob statement(Migration m, int index, Dialect dialect) {
        SqlStatement s = m.statements().get(index);
        BoundStatement bound = BoundStatement.of(s, m.displayPath());
        boolean from = bound.has(BoundStatement.Param.FROM);
        boolean to = bound.has(BoundStatement.Param.TO);
        BatchWork work;
        if (from || to) {
            if (!(from && to)) {
                throw new BatchDefinitionException(m.displayPath(), s.line(), "keyed batch statement uses "
                        + (from ? ":from but not :to" : ":to but not :from") + "; bound each batch on both sides, "
                        + "e.g. WHERE id >= :from AND id < :to");
            }
            work = new KeyRangeWork(bound, KeyedSpec.of(s, m.displayPath()), dialect);
        } else {
            work = new RepeatedStatement(bound);
        }
        return new BatchJob(m.id(), index + 1, bound.where(), work, s.sql());
    }

    /** The job of a Java migration: a new instance of its class. */
    public static BatchJob java(Migration m) {
        Object instance;
        try {
            instance = m.javaClass().getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new BatchDefinitionException(m.displayPath(), 0, "its constructor failed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new BatchDefinitionException(m.displayPath(), 0, "cannot be created (" + e + "); give it a public "
                    + "no-argument constructor");
        }
        if (!(instance instanceof DataMigration dm)) {
            throw new BatchDefinitionException(m.displayPath(), 0, "does not implement " + DataMigration.class.getName());
        }
        return new BatchJob(m.id(), 1, m.displayPath(), new JavaWork(dm), m.javaClass().getName());
    }
}
