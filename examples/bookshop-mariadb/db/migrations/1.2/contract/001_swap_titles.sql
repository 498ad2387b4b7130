-- Every instance runs 1.2 and uses titles: one atomic RENAME TABLE puts the table under its new name
-- in place of the view, then the view goes.
RENAME TABLE titles TO titles_view_1_2, books TO titles;
DROP VIEW titles_view_1_2;
