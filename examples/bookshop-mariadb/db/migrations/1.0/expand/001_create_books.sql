-- Release 1.0: the first release may create anything.
CREATE TABLE books (
    id          bigint       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title       varchar(200) NOT NULL,
    legacy_code varchar(32),
    stock       int          NOT NULL DEFAULT 0,
    created_at  datetime(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    INDEX books_title_idx (title)
) ENGINE=InnoDB;
