package org.sigillum.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance, default configuration, for every request and response body. Without a resolver RESTEasy
 * builds a new Jsonb for each body it reads or writes, which looks the provider up through the class loader and
 * introspects the model classes again every time: about a fifth of a signHash call's CPU. Jsonb is thread-safe.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class SharedJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** The same instance, for answers written ahead of their response (asynchronous signing's stored outcomes). */
    public static Jsonb instance() {
        return JSONB;
    }
}
