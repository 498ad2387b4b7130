def log = new File(basedir, 'build.log').text
// The finding as the CLI prints it, with the safe steps, and the build failure naming file, line and rule.
assert log =~ /\[ERROR\] db\/migrations\/1\.1\/expand\/001_drop_accounts_legacy_tag\.sql:2:\d+: error\[expand-drop-column\] dropping column accounts\.legacy_tag in expand/
assert log.contains('Move ALTER TABLE accounts DROP COLUMN legacy_tag to the contract phase')
assert log =~ /bellows: lint found 1 error\(s\) and 0 warning\(s\); first: db\/migrations\/1\.1\/expand\/001_drop_accounts_legacy_tag\.sql:2:\d+ \[expand-drop-column\]/
assert log.contains('BUILD FAILURE')
return true
