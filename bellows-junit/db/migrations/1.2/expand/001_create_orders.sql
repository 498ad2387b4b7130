CREATE TABLE orders (
    id         bigint PRIMARY KEY,
    account_id bigint NOT NULL,
    total      numeric(12, 2) NOT NULL
);
