ALTER TABLE titles ADD COLUMN subtitle text;
