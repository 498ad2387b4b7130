-- Every instance runs 1.1 now: nobody reads or writes legacy_code any more.
-- Expand 1.2 may already have run (it renames books to titles behind a view named books), so the trigger
-- goes with its function (CASCADE drops the trigger on whichever name the table has now) and the column
-- is dropped from the table under its current name.
DROP FUNCTION books_sync_isbn() CASCADE;

-- bellows:allow unchecked-dynamic-sql reason: only the table name varies (books, or titles after expand 1.2); the statement is a DROP COLUMN in contract
DO $$
BEGIN
    EXECUTE format('ALTER TABLE %I DROP COLUMN legacy_code',
                   CASE WHEN to_regclass('titles') IS NULL THEN 'books' ELSE 'titles' END);
END;
$$;
