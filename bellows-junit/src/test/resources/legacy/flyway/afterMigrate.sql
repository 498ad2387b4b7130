CREATE TABLE IF NOT EXISTS app_settings (name varchar(50) PRIMARY KEY, val varchar(200));
DELETE FROM app_settings WHERE name = 'mail_domain';
INSERT INTO app_settings (name, val) VALUES ('mail_domain', '${mail_domain}');
