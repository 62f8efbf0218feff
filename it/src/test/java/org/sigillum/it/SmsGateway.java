package org.sigillum.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A small HTTP SMS gateway for the tests: it listens where the server under test sends SMS
 * (SIGILLUM_IT_SMS_GATEWAY_PORT; bin/sigillum test sets SIGILLUM_SMS_GATEWAY_URL to it), answers 202 and records
 * each message.
 */
final class SmsGateway {

    record Sms(String to, String text) {
    }

    private static SmsGateway running;

    private final List<Sms> received = new ArrayList<>();

    private SmsGateway() {
    }

    static synchronized SmsGateway start() {
        if (running == null) {
            SmsGateway gateway = new SmsGateway();
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                        Integer.parseInt(Sigillum.env("SIGILLUM_IT_SMS_GATEWAY_PORT"))), 0);
                server.createContext("/sms", exchange -> {
                    try (exchange) {
                        JsonNode body = Sigillum.JSON.readTree(exchange.getRequestBody());
                        synchronized (gateway.received) {
                            gateway.received.add(new Sms(body.path("to").asText(), body.path("text").asText()));
                        }
                        exchange.sendResponseHeaders(202, -1);
                    }
                });
                server.start();
            } catch (IOException e) {
                throw new IllegalStateException("the test SMS gateway cannot listen", e);
            }
            running = gateway;
        }
        return running;
    }

    List<Sms> to(String number) {
        synchronized (received) {
            return received.stream().filter(s -> s.to().equals(number)).toList();
        }
    }

    /** Waits for the {@code n}th message to {@code number} and returns the code in it. */
    String code(String number, int n) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (to(number).size() < n) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no SMS " + n + " to " + number + " reached the gateway");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        Matcher matcher = MailCodes.CODE.matcher(to(number).get(n - 1).text());
        if (!matcher.find()) {
            throw new AssertionError("no code in the SMS: " + to(number).get(n - 1));
        }
        return matcher.group(1);
    }
}
