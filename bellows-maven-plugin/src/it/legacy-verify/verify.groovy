def log = new File(basedir, 'build.log').text
// lint: the Flyway files were replayed, ${mail_domain} came from the POM's <placeholders>, 1.1 was judged.
assert log.contains('0 error(s)')
// verify: the real Flyway built the embedded shadow from the relative folder of bellows.yaml, then 1.1 ran.
assert log.contains('legacy Flyway history (' + new File(basedir, 'src/main/resources/db/migration').path + ') built the shadow')
assert log.contains('001_drop_email.sql')
assert log.contains('customer_emails')
assert log.contains('BUILD FAILURE')
return true
