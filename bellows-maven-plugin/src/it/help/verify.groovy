def log = new File(basedir, 'build.log').text
assert log.contains('bellows:lint')
assert log.contains('User property: bellows.failOnWarning')
assert log.contains('User property: bellows.lintOutput')
assert log.contains('BUILD SUCCESS')
return true
