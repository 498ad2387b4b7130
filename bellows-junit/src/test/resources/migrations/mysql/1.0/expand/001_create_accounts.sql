CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(200) NOT NULL, legacy_flag int) ENGINE=InnoDB;
