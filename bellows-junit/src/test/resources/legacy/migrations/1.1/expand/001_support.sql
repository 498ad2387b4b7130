ALTER TABLE customers ADD COLUMN support varchar(200) DEFAULT '${support_mailbox}@${mail_domain}';
