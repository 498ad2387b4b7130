-- Every instance runs 1.1, which never reads legacy_tag.
ALTER TABLE accounts DROP COLUMN legacy_tag;
