def log = new File(basedir, 'build.log').text
// lint: the Flyway files were replayed, ${mail_domain} came from the POM's <placeholders>, 1.1 was judged.
assert log.contains('[INFO] 0 error(s), 0 warning(s), 0 waived')
// verify: the real Flyway built the embedded shadow from the relative folder of bellows.yaml, then 1.1 ran.
assert log =~ /legacy Flyway history \(\S*src.main.resources.db.migration\) built the shadow's schema in \d+ ms: 2 migrations/
assert log.contains('001_drop_email.sql')
assert log.contains('customer_emails')
assert log.contains('BUILD FAILURE')
return true
