def log = new File(basedir, 'build.log').text
// -Dbellows.location=sql (test.properties) chose the directory; the embedded PostgreSQL caught the drop.
assert log.contains('[ERROR] sql/1.1/expand/001_drop_accounts_legacy_tag.sql:1:1: error[verify-dropped-column]')
assert log.contains('bellows: verify found 1 error(s) and 0 warning(s) on PostgreSQL')
assert log.contains('BUILD FAILURE')
return true
