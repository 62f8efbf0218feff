# SoftHSM2 tokens in project-local directories, found by label (SoftHSM2 slot IDs are random).

# token_prepare DIR LABEL: writes DIR/softhsm2.conf, initialises the token once, PINs in mode-600 files
token_prepare() {
    local dir="$1" label="$2"
    mkdir -p "$dir/tokens"
    chmod 700 "$dir"
    cat > "$dir/softhsm2.conf" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
    if ! SOFTHSM2_CONF="$dir/softhsm2.conf" softhsm2-util --show-slots 2>/dev/null | grep -qE "Label:[[:space:]]+$label[[:space:]]*$"; then
        (umask 077 && random_secret 12 > "$dir/token.pin" && random_secret 12 > "$dir/token.so-pin")
        SOFTHSM2_CONF="$dir/softhsm2.conf" softhsm2-util --init-token --free --label "$label" \
            --pin "$(cat "$dir/token.pin")" --so-pin "$(cat "$dir/token.so-pin")" >/dev/null \
            || die "could not initialise SoftHSM2 token $label"
    fi
}

# key_ceremony DIR LABEL: creates the wrapping and binding keys on the token when absent
key_ceremony() {
    local dir="$1" label="$2" tools="$VAR_DIR/tools/hsm"
    rm -rf "$tools" && mkdir -p "$tools"
    unzip -q -o "$SIGILLUM_HOME/connector-rar/rar/target/sigillum-hsm.rar" '*.jar' -d "$tools"
    SOFTHSM2_CONF="$dir/softhsm2.conf" java \
        -cp "$tools/*:$SIGILLUM_HOME/connector-rar/api/target/classes" org.sigillum.hsm.adapter.tool.KeyCeremony \
        --library "$(softhsm_library)" --token "$label" --pin-source "file:$dir/token.pin" >/dev/null \
        || die "key ceremony failed on token $label"
}
