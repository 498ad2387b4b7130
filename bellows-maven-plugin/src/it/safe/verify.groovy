def log = new File(basedir, 'build.log').text
assert log.contains(':lint (default) @ safe')
assert log.contains('0 error(s), 0 warning(s), 0 waived')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/bellows-lint.sarif').text.contains('"version"')
return true
