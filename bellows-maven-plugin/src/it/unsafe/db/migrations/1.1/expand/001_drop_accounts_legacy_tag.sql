-- Release 1.0 still reads legacy_tag while 1.1 rolls out: this belongs in contract.
ALTER TABLE accounts DROP COLUMN legacy_tag;
