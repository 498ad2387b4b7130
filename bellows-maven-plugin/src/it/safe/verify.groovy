def log = new File(basedir, 'build.log').text
assert log.contains(':lint (default) @ safe')
assert log.contains('0 error(s), 0 warning(s), 0 waived')
assert log.contains(':verify (default) @ safe')
assert log =~ /verified 4 migrations on PostgreSQL [0-9.]+ in .*: passed/
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/bellows-lint.sarif').text.contains('"version"')
assert new File(basedir, 'target/bellows-verify.json').text.contains('001_drop_accounts_legacy_tag.sql')
return true
