-- A stale copy of what the legacy history built: release 1.0 is the legacy history's, so this never runs.
CREATE TABLE customers (id int PRIMARY KEY);
