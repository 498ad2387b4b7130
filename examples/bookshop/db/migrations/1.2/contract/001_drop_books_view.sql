-- Every instance runs 1.2 and uses titles: the compatibility view goes.
DROP VIEW books;
