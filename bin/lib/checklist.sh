# checklist: regenerates docs/checklist.md (security checklist item -> tests named after it) after a test was
# added or renamed, or docs/security-checklist.md or docs/checklist-pending.txt changed.

cmd_checklist() {
    say "regenerating docs/checklist.md"
    # build-rules reads the product modules' jars; the matrix itself needs only the sources
    (cd "$SIGILLUM_HOME" && mvn -B -ntp -q install -DskipTests -pl build-rules -am \
        && mvn -B -ntp -q -pl build-rules test -Dtest=ChecklistMatrixTest -Dchecklist.write=true) \
        || die "build failed, or the matrix does not hold (see above): name a test after each item or list it in docs/checklist-pending.txt"
    say "docs/checklist.md written"
}
