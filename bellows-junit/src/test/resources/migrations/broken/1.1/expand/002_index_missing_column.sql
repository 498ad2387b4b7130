-- Refers to a column that does not exist: the database refuses it.
CREATE INDEX accounts_nickname_idx
    ON accounts (nickname);
