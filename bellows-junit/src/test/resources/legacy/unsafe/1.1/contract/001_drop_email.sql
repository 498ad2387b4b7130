-- The legacy history's R__customer_emails view still reads customers.email.
ALTER TABLE customers DROP COLUMN email;
