package dev.bellows.lint;

import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.schema.ColumnState;
import dev.bellows.lint.schema.Origin;
import dev.bellows.lint.schema.SchemaModel;
import dev.bellows.model.Finding;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a rule sees of one statement: the statement as recognized, the schema before it, the
 * file's release and phase, the options, and the waivers written next to it. Rules report here.
 */
public final class StatementContext {

    private final ParsedStatement statement;
    private final SchemaModel schema;
    private final String file;
    private final Release release;
    private final Phase phase;
    private final LintOptions options;
    private final boolean inTransactionBlock;
    private final List<Waiver> waiversHere;
    private final List<Finding> findings = new ArrayList<>();
    private final Surroundings surroundings;
    private List<ColumnChange> columnChanges;

    StatementContext(ParsedStatement statement, SchemaModel schema, String file, Release release, Phase phase,
                     LintOptions options, boolean inTransactionBlock, List<Waiver> waiversHere) {
        this(statement, schema, file, release, phase, options, inTransactionBlock, waiversHere, Surroundings.NONE);
    }

    StatementContext(ParsedStatement statement, SchemaModel schema, String file, Release release, Phase phase,
                     LintOptions options, boolean inTransactionBlock, List<Waiver> waiversHere,
                     Surroundings surroundings) {
        this.surroundings = surroundings;
        this.statement = statement;
        this.schema = schema;
        this.file = file;
        this.release = release;
        this.phase = phase;
        this.options = options;
        this.inTransactionBlock = inTransactionBlock;
        this.waiversHere = waiversHere;
    }

    public ParsedStatement statement() {
        return statement;
    }

    public SchemaModel schema() {
        return schema;
    }

    public Phase phase() {
        return phase;
    }

    public Release release() {
        return release;
    }

    public LintOptions options() {
        return options;
    }

    public String file() {
        return file;
    }

    /** Whether an explicit BEGIN / START TRANSACTION earlier in the file is still open. */
    public boolean inTransactionBlock() {
        return inTransactionBlock;
    }

    /** What ran before this statement in its transaction, what follows in its file, the session settings. */
    public Surroundings surroundings() {
        return surroundings;
    }

    /**
     * Whether a statement later in the same file creates {@code type name} again: a drop or rename
     * followed by that is a replacement (in one transaction on PostgreSQL), judged as such.
     */
    public boolean recreatedLaterInFile(ObjectType type, String name) {
        for (ParsedStatement p : surroundings.laterInFile()) {
            if (p.verb() == dev.bellows.lint.parse.Verb.CREATE && name != null && name.equals(p.name())
                    && (p.type() == type || type == ObjectType.TABLE && p.type() == ObjectType.VIEW)) {
                return true;
            }
        }
        return false;
    }

    /** The waiver comments written at this statement (and, for the first statement, the file's header). */
    public List<Waiver> waiversHere() {
        return waiversHere;
    }

    /** Whether the object was created by this release's migrations: release N-1 cannot use it, nobody waits on it. */
    public boolean isNew(ObjectType type, String name) {
        return schema.origin(type, name).map(o -> o.release().equals(release)).orElse(false);
    }

    /** Whether the table (or materialized view) was created by this release's migrations. */
    public boolean isNewTable(String table) {
        return isNew(ObjectType.TABLE, table) || isNew(ObjectType.MATERIALIZED_VIEW, table);
    }

    /** Whether the column (or its whole table) was created by this release's migrations. */
    public boolean isNewColumn(String table, String column) {
        return isNewTable(table) || schema.columnOrigin(table, column).map(o -> o.release().equals(release))
                .orElse(false);
    }

    /** Whether this release's expand or migrate phase created the object (release N uses it). */
    public boolean createdEarlierThisRelease(ObjectType type, String name) {
        return schema.origin(type, name).map(this::earlierThisRelease).orElse(false);
    }

    /**
     * Whether the object only bridges release N-1 and N, so that contract(N) is where it belongs:
     * a trigger, a trigger function ({@code RETURNS trigger}), or a view that carries the old name
     * of a table or view this release's expand renamed.
     */
    public boolean isTransitionShim(ObjectType type, String name) {
        return switch (type) {
            case TRIGGER -> true;
            case FUNCTION -> schema.isTriggerFunction(name);
            case VIEW -> schema.renamedAwayFrom(name).map(o -> o.release().equals(release)).orElse(false);
            default -> false;
        };
    }

    public boolean columnCreatedEarlierThisRelease(String table, String column) {
        return schema.columnOrigin(table, column).map(this::earlierThisRelease).orElse(false);
    }

    private boolean earlierThisRelease(Origin o) {
        return o.release().equals(release) && o.phase().compareTo(phase) < 0;
    }

    /** The type and nullability changes of existing columns in this ALTER TABLE (computed once, shared by rules). */
    public List<ColumnChange> columnChanges() {
        if (columnChanges == null) {
            columnChanges = ColumnChange.of(this);
        }
        return columnChanges;
    }

    public Optional<ColumnState> column(String table, String column) {
        return schema.table(table).flatMap(t -> t.column(column));
    }

    /**
     * Reports a finding of {@code rule} at {@code at}: the message says what is dangerous and what it
     * blocks; the steps are the safe way, numbered here.
     */
    public void report(Rule rule, Token at, String message, String... steps) {
        Token where = at != null ? at : statement.at();
        List<String> help = new ArrayList<>(steps.length);
        for (int i = 0; i < steps.length; i++) {
            help.add((i + 1) + ". " + steps[i]);
        }
        findings.add(new Finding(rule.id(), rule.info().severity(), file, where == null ? 0 : where.line(),
                where == null ? 0 : where.column(), message, help, null));
    }

    List<Finding> findings() {
        return findings;
    }
}
