-- In a subfolder, with a Flyway placeholder.
ALTER TABLE customers ADD COLUMN mail_host varchar(100) DEFAULT 'mx.${mail_domain}';
