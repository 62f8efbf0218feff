package org.sigillum.federation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** String-to-string maps as the JSON text the provider rows keep. */
final class JsonMaps {

    private JsonMaps() {
    }

    static String write(Map<String, String> map) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        new TreeMap<>(map == null ? Map.<String, String>of() : map).forEach(builder::add);
        return builder.build().toString();
    }

    static Map<String, String> read(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(json == null ? "{}" : json))) {
            JsonObject object = reader.readObject();
            object.forEach((key, value) -> map.put(key, value instanceof JsonString s ? s.getString() : value.toString()));
        }
        return map;
    }
}
