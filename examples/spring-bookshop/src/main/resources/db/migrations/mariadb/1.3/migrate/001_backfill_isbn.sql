-- bellows:keyed table=books key=id
UPDATE books SET isbn = code WHERE id >= :from AND id < :to AND isbn IS NULL;
