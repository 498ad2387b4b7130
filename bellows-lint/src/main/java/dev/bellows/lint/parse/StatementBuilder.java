package dev.bellows.lint.parse;

import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.Token;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Collects what the recognizer finds about one statement, then freezes it into a {@link ParsedStatement}. */
final class StatementBuilder {

    Verb verb = Verb.UNRECOGNIZED;
    ObjectType type = ObjectType.NONE;
    final List<String> names = new ArrayList<>();
    String table;
    final EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
    final List<AlterAction> actions = new ArrayList<>();
    final List<ColumnDef> columns = new ArrayList<>();
    final List<ConstraintDef> constraints = new ArrayList<>();
    Token at;

    StatementBuilder(Token at) {
        this.at = at;
    }

    StatementBuilder kind(Verb verb, ObjectType type) {
        this.verb = verb;
        this.type = type;
        return this;
    }

    void flag(Flag flag) {
        flags.add(flag);
    }

    ParsedStatement build(SqlStatement source) {
        return new ParsedStatement(source, verb, type, names, table, flags, actions, columns, constraints, null, at);
    }

    static ParsedStatement unrecognized(SqlStatement source, String reason, Token at) {
        return new ParsedStatement(source, Verb.UNRECOGNIZED, ObjectType.NONE, List.of(), null, EnumSet.noneOf(Flag.class),
                List.of(), List.of(), List.of(), reason, at);
    }
}
