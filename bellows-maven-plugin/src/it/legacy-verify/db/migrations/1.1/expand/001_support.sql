ALTER TABLE customers ADD COLUMN support varchar(200) DEFAULT 'help@${mail_domain}';
