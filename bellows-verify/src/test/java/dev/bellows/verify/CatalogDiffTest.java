package dev.bellows.verify;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogDiffTest {

    private static SchemaObject table(String id, String name) {
        return new SchemaObject(id, ObjectKind.TABLE, null, name, Map.of());
    }

    private static SchemaObject column(String id, String table, String name, String type) {
        return new SchemaObject(id, ObjectKind.COLUMN, table, name, Map.of("type", type, "not null", "false"));
    }

    @Test
    void sameIdentityNewNameIsARenameNotDropAndAdd() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(table("rel:1", "books"),
                column("col:1:1", "rel:1", "books.code", "integer")));
        CatalogSnapshot after = CatalogSnapshot.of(List.of(table("rel:1", "books"),
                column("col:1:1", "rel:1", "books.isbn", "bigint"), column("col:1:2", "rel:1", "books.x", "text")));
        assertThat(CatalogDiff.between(before, after)).extracting(SchemaChange::describe).containsExactly(
                "renamed column books.code to books.isbn",
                "changed type of column books.isbn from integer to bigint",
                "added column books.x");
    }

    @Test
    void renamingATableDoesNotRenameItsColumns() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(table("rel:1", "books"),
                column("col:1:1", "rel:1", "books.code", "integer")));
        CatalogSnapshot after = CatalogSnapshot.of(List.of(table("rel:1", "titles"),
                column("col:1:1", "rel:1", "titles.code", "integer")));
        assertThat(CatalogDiff.between(before, after)).extracting(SchemaChange::describe)
                .containsExactly("renamed table books to titles");
    }

    @Test
    void missingIdentityIsADrop() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(table("rel:1", "books")));
        assertThat(CatalogDiff.between(before, CatalogSnapshot.of(List.of()))).extracting(SchemaChange::describe)
                .containsExactly("dropped table books");
    }
}
