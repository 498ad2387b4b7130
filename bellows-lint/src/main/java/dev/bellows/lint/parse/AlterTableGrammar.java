package dev.bellows.lint.parse;

import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.Token;

import java.util.ArrayList;
import java.util.List;

/** The sub-commands of ALTER TABLE, for PostgreSQL and MySQL/MariaDB. */
final class AlterTableGrammar {

    private AlterTableGrammar() {
    }

    /** After {@code ALTER TABLE}: the table name and its comma-separated sub-commands. */
    static void parse(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.ALTER, ObjectType.TABLE);
        if (c.accept("IF", "EXISTS")) {
            b.flag(Flag.IF_EXISTS);
        }
        c.accept("ONLY");
        b.table = c.name();
        b.names.add(b.table);
        c.acceptSymbol("*");
        while (!c.atEnd()) {
            action(c, b);
            if (!c.atEnd() && !c.acceptSymbol(",")) {
                throw new Unrecognized("expected , between ALTER TABLE sub-commands");
            }
        }
    }

    private static void action(TokenCursor c, StatementBuilder b) {
        Token at = c.here();
        if (c.accept("ADD")) {
            add(c, b, at);
        } else if (c.accept("DROP")) {
            drop(c, b, at);
        } else if (c.accept("ALTER")) {
            alterColumn(c, b, at);
        } else if (c.accept("RENAME")) {
            rename(c, b, at);
        } else if (c.is("MODIFY")) {
            c.only(SqlSyntax.MYSQL, "MODIFY");
            c.next();
            c.accept("COLUMN");
            List<ConstraintDef> inline = new ArrayList<>();
            ColumnDef def = Definitions.column(c, inline);
            b.actions.add(new AlterAction(Op.REDEFINE_COLUMN, def.name(), null, def, null, null, at));
            addInline(b, def.name(), inline);
        } else if (c.is("CHANGE")) {
            c.only(SqlSyntax.MYSQL, "CHANGE");
            c.next();
            c.accept("COLUMN");
            String old = c.name();
            List<ConstraintDef> inline = new ArrayList<>();
            ColumnDef def = Definitions.column(c, inline);
            b.actions.add(new AlterAction(Op.REDEFINE_COLUMN, old, def.name().equals(old) ? null : def.name(), def,
                    null, null, at));
            addInline(b, def.name(), inline);
        } else if (c.is("VALIDATE")) {
            c.only(SqlSyntax.POSTGRESQL, "VALIDATE CONSTRAINT");
            c.next();
            c.expect("CONSTRAINT");
            b.actions.add(AlterAction.value(Op.VALIDATE_CONSTRAINT, c.name(), at));
        } else if (c.is("SET") && c.is(1, "TABLESPACE")) {
            c.only(SqlSyntax.POSTGRESQL, "SET TABLESPACE");
            c.next();
            c.next();
            b.actions.add(AlterAction.value(Op.SET_TABLESPACE, c.name(), at));
        } else if (c.accept("SET", "LOGGED") || c.accept("SET", "UNLOGGED") || c.accept("SET", "ACCESS", "METHOD")
                || c.accept("FORCE")) {
            skipItem(c);
            b.actions.add(AlterAction.of(Op.REBUILD, at));
        } else if (c.is("ALGORITHM")) {
            c.only(SqlSyntax.MYSQL, "ALGORITHM=");
            c.next();
            c.acceptSymbol("=");
            b.actions.add(AlterAction.value(Op.ALGORITHM, c.next().identifier(), at));
        } else if (c.is("LOCK")) {
            c.only(SqlSyntax.MYSQL, "LOCK=");
            c.next();
            c.acceptSymbol("=");
            b.actions.add(AlterAction.value(Op.LOCK, c.next().identifier(), at));
        } else if (c.is("CONVERT")) {
            c.only(SqlSyntax.MYSQL, "CONVERT TO");
            c.next();
            c.expect("TO");
            skipItem(c);
            b.actions.add(AlterAction.of(Op.CONVERT_CHARSET, at));
        } else if (c.accept("ENGINE") || c.accept("ROW_FORMAT") || c.accept("KEY_BLOCK_SIZE")) {
            skipItem(c);
            b.actions.add(AlterAction.of(Op.REBUILD, at));
        } else if (c.is("DETACH") && c.is(1, "PARTITION")) {
            c.next();
            c.next();
            String partition = c.name();
            if (c.accept("CONCURRENTLY")) {
                b.flag(Flag.CONCURRENTLY);
            }
            boolean finalize = c.accept("FINALIZE");
            skipItem(c);
            b.actions.add(finalize ? AlterAction.of(Op.OTHER, at) : AlterAction.value(Op.DETACH_PARTITION, partition, at));
        } else if (isOther(c)) {
            skipItem(c);
            b.actions.add(AlterAction.of(Op.OTHER, at));
        } else {
            throw new Unrecognized("unknown ALTER TABLE sub-command " + at.text());
        }
    }

    private static boolean isOther(TokenCursor c) {
        for (String w : List.of("OWNER", "ENABLE", "DISABLE", "CLUSTER", "INHERIT", "NO", "ATTACH", "DETACH",
                "REPLICA", "SET", "RESET", "OF", "NOT", "AUTO_INCREMENT", "COMMENT", "ORDER", "PARTITION", "DISCARD",
                "IMPORT", "DEFAULT", "CHARACTER", "CHARSET", "COLLATE", "COALESCE", "REORGANIZE", "EXCHANGE",
                "ANALYZE", "CHECK", "OPTIMIZE", "REBUILD", "REPAIR", "TRUNCATE", "REMOVE", "UPGRADE", "STATS_PERSISTENT",
                "PACK_KEYS", "CHECKSUM", "WAIT", "NOWAIT", "MAX_ROWS", "MIN_ROWS", "AVG_ROW_LENGTH", "PAGE_CHECKSUM",
                "ENCRYPTION", "COMPRESSION", "SPLIT", "MERGE", "WITH", "WITHOUT")) {
            if (c.is(w)) {
                return true;
            }
        }
        return false;
    }

    private static void add(TokenCursor c, StatementBuilder b, Token at) {
        if (c.is("INDEX") || c.is("KEY") || c.is("FULLTEXT") || c.is("SPATIAL")) {
            c.only(SqlSyntax.MYSQL, "ADD " + c.peek().text());
            String kind = c.next().identifier();
            c.accept("INDEX");
            c.accept("KEY");
            String name = c.isSymbol("(") ? null : c.name();
            skipItem(c);
            b.actions.add(new AlterAction(Op.ADD_INDEX, null, name, null, null, kind, at));
            return;
        }
        if (c.accept("PARTITION")) {
            skipItem(c);
            b.actions.add(AlterAction.of(Op.OTHER, at));
            return;
        }
        if (Definitions.startsConstraint(c) && !c.is("KEY") && !c.is("INDEX")) {
            ConstraintDef con = Definitions.constraint(c);
            b.actions.add(new AlterAction(Op.ADD_CONSTRAINT, null, null, null, con, con.name(), at));
            return;
        }
        c.accept("COLUMN");
        if (c.accept("IF", "NOT", "EXISTS")) {
            b.flag(Flag.IF_NOT_EXISTS);
        }
        if (c.isSymbol("(")) { // MySQL: ADD (a int, b int)
            c.next();
            while (!c.atEnd() && !c.isSymbol(")")) {
                addColumn(c, b, c.here());
                c.acceptSymbol(",");
            }
            c.expectSymbol(")");
            return;
        }
        addColumn(c, b, at);
    }

    private static void addColumn(TokenCursor c, StatementBuilder b, Token at) {
        List<ConstraintDef> inline = new ArrayList<>();
        ColumnDef def = Definitions.column(c, inline);
        if (def.type() == null) {
            throw new Unrecognized("ADD COLUMN without a type");
        }
        b.actions.add(new AlterAction(Op.ADD_COLUMN, def.name(), null, def, null, null, at));
        addInline(b, def.name(), inline);
    }

    /** Inline constraints of a column definition become ADD CONSTRAINT actions on that column. */
    private static void addInline(StatementBuilder b, String column, List<ConstraintDef> inline) {
        for (ConstraintDef con : inline) {
            b.actions.add(new AlterAction(Op.ADD_CONSTRAINT, column, null, null, con, con.name(), con.at()));
        }
    }

    private static void drop(TokenCursor c, StatementBuilder b, Token at) {
        if (c.accept("CONSTRAINT") || c.accept("CHECK")) {
            c.accept("IF", "EXISTS");
            b.actions.add(AlterAction.value(Op.DROP_CONSTRAINT, c.name(), at));
        } else if (c.is("PRIMARY") && c.is(1, "KEY")) {
            c.only(SqlSyntax.MYSQL, "DROP PRIMARY KEY");
            c.next();
            c.next();
            b.actions.add(AlterAction.of(Op.DROP_PRIMARY_KEY, at));
        } else if (c.is("FOREIGN") && c.is(1, "KEY")) {
            c.only(SqlSyntax.MYSQL, "DROP FOREIGN KEY");
            c.next();
            c.next();
            c.accept("IF", "EXISTS");
            b.actions.add(AlterAction.value(Op.DROP_FOREIGN_KEY, c.name(), at));
        } else if (c.is("INDEX") || c.is("KEY")) {
            c.only(SqlSyntax.MYSQL, "DROP INDEX inside ALTER TABLE");
            c.next();
            c.accept("IF", "EXISTS");
            b.actions.add(AlterAction.value(Op.DROP_INDEX, c.name(), at));
        } else if (c.accept("PARTITION") || c.accept("DEFAULT") || c.accept("SYSTEM")) {
            skipItem(c);
            b.actions.add(AlterAction.of(Op.OTHER, at));
        } else {
            c.accept("COLUMN");
            c.accept("IF", "EXISTS");
            String column = c.name();
            if (c.accept("CASCADE")) {
                b.flag(Flag.CASCADE);
            }
            c.accept("RESTRICT");
            b.actions.add(AlterAction.column(Op.DROP_COLUMN, column, at));
        }
    }

    private static void alterColumn(TokenCursor c, StatementBuilder b, Token at) {
        if (c.is("CONSTRAINT") || c.is("INDEX") || c.is("CHECK")) {
            skipItem(c);
            b.actions.add(AlterAction.of(Op.OTHER, at));
            return;
        }
        c.accept("COLUMN");
        String column = c.name();
        if (c.is("TYPE") || c.is("SET") && c.is(1, "DATA")) {
            c.only(SqlSyntax.POSTGRESQL, "ALTER COLUMN … TYPE");
            if (!c.accept("TYPE")) {
                c.expect("SET");
                c.expect("DATA");
                c.expect("TYPE");
            }
            ColumnType type = Definitions.type(c);
            ColumnDef def = new ColumnDef(column, type, false, null, false, false, false, false, null, false, null, at);
            skipItem(c); // COLLATE, USING expression
            b.actions.add(new AlterAction(Op.ALTER_COLUMN_TYPE, column, null, def, null, null, at));
        } else if (c.is("SET") && c.is(1, "NOT") || c.is("DROP") && c.is(1, "NOT")) {
            c.only(SqlSyntax.POSTGRESQL, "ALTER COLUMN … SET/DROP NOT NULL");
            boolean set = c.next().is("SET");
            c.expect("NOT");
            c.expect("NULL");
            b.actions.add(AlterAction.column(set ? Op.SET_NOT_NULL : Op.DROP_NOT_NULL, column, at));
        } else if (c.accept("SET", "DEFAULT")) {
            int from = c.position();
            skipItem(c);
            b.actions.add(new AlterAction(Op.SET_DEFAULT, column, null, null, null,
                    Definitions.text(c.slice(from, c.position())), at));
        } else if (c.accept("DROP", "DEFAULT")) {
            b.actions.add(AlterAction.column(Op.DROP_DEFAULT, column, at));
        } else if (c.is("SET") || c.is("RESET") || c.is("ADD") || c.is("DROP") || c.is("RESTART")) {
            skipItem(c);
            b.actions.add(AlterAction.column(Op.OTHER, column, at));
        } else {
            throw new Unrecognized("unknown ALTER COLUMN action");
        }
    }

    private static void rename(TokenCursor c, StatementBuilder b, Token at) {
        if (c.accept("CONSTRAINT") || c.accept("INDEX") || c.accept("KEY")) {
            skipItem(c);
            b.actions.add(AlterAction.of(Op.OTHER, at));
        } else if (c.accept("TO") || c.accept("AS")) {
            b.actions.add(new AlterAction(Op.RENAME_TO, null, c.name(), null, null, null, at));
        } else if (c.accept("COLUMN") || c.isName() && c.is(1, "TO")) {
            String from = c.name();
            c.expect("TO");
            b.actions.add(new AlterAction(Op.RENAME_COLUMN, from, c.name(), null, null, null, at));
        } else {
            b.actions.add(new AlterAction(Op.RENAME_TO, null, c.name(), null, null, null, at)); // MySQL RENAME t2
        }
    }

    private static void skipItem(TokenCursor c) {
        c.skipToItemEnd();
    }
}
