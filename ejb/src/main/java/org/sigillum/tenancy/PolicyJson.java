package org.sigillum.tenancy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.sigillum.api.tenancy.GroupPolicy;

/** A group's policy as stored in its row: a JSON object with only the fields that narrow the server's defaults. */
public final class PolicyJson {

    private PolicyJson() {
    }

    public static String write(GroupPolicy policy) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        list(json, "keyAlgorithms", policy.keyAlgorithms());
        list(json, "signatureFormats", policy.signatureFormats());
        list(json, "signatureLevels", policy.signatureLevels());
        if (policy.sadLifetimeSeconds() != null) {
            json.add("sadLifetimeSeconds", policy.sadLifetimeSeconds());
        }
        if (policy.maxNumSignatures() != null) {
            json.add("maxNumSignatures", policy.maxNumSignatures());
        }
        if (policy.basicLogin() != null) {
            json.add("basicLogin", policy.basicLogin());
        }
        text(json, "scal", policy.scal());
        list(json, "identityProviders", policy.identityProviders());
        text(json, "keyCreationLevel", policy.keyCreationLevel());
        text(json, "signingLevel", policy.signingLevel());
        return json.build().toString();
    }

    public static GroupPolicy read(String stored) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(stored))) {
            json = reader.readObject();
        }
        return new GroupPolicy(list(json, "keyAlgorithms"), list(json, "signatureFormats"), list(json, "signatureLevels"),
                number(json, "sadLifetimeSeconds"), number(json, "maxNumSignatures"),
                json.containsKey("basicLogin") ? json.getBoolean("basicLogin") : null, text(json, "scal"),
                list(json, "identityProviders"), text(json, "keyCreationLevel"), text(json, "signingLevel"));
    }

    private static void list(JsonObjectBuilder json, String name, List<String> values) {
        if (values != null) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            values.forEach(array::add);
            json.add(name, array);
        }
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static List<String> list(JsonObject json, String name) {
        JsonArray array = json.containsKey(name) ? json.getJsonArray(name) : null;
        return array == null ? null : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Integer number(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonNumber n ? n.intValue() : null;
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }
}
