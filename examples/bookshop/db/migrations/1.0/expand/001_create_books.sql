-- Release 1.0: the first release may create anything.
CREATE TABLE books (
    id          bigserial PRIMARY KEY,
    title       text        NOT NULL,
    legacy_code varchar(32),
    stock       integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX books_title_idx ON books (title);
