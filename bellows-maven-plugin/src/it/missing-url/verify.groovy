def log = new File(basedir, 'build.log').text
assert log.contains('bellows: no database URL')
assert log.contains('-Dbellows.url=jdbc:postgresql://HOST/DB')
return true
