-- bellows:phase contract
ALTER TABLE accounts DROP COLUMN email;
