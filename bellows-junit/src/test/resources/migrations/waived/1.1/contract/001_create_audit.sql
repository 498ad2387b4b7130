-- A new table in contract: allowed, but it belongs in expand.
CREATE TABLE audit (id bigint PRIMARY KEY);
