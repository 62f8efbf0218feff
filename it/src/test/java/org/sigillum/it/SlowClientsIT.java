package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * G1: clients that send their request slowly, on purpose or not, cannot take the server from everyone else. The
 * listener's settings are in wildfly-config/cli/55-configure-http-listener.cli.
 */
class SlowClientsIT {

    /** More than the 32 worker threads the listener is configured with (SIGILLUM_WORKER_THREADS). */
    private static final int TRICKLERS = 48;

    /** The listener's read-timeout and request-parse-timeout (30 s, 10 s by default), with a margin for a busy host. */
    private static final int STALLED_BODY_CLOSED_WITHIN_SECONDS = 50;
    private static final int TRICKLED_HEADERS_CLOSED_WITHIN_SECONDS = 30;

    @Test
    void g1TrickledBodiesDoNotStopOtherCallers() throws Exception {
        URI base = URI.create(Sigillum.env("SIGILLUM_IT_URL"));
        List<Socket> tricklers = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        // a body that never stops coming: a byte every half second, well inside any read timeout
        try (Socket stalledBody = open(base); Socket trickledHeaders = open(base)) {
            CompletableFuture<Long> bodyClosed = closedWithin(stalledBody, STALLED_BODY_CLOSED_WITHIN_SECONDS);
            CompletableFuture<Long> headersClosed = closedWithin(trickledHeaders, TRICKLED_HEADERS_CLOSED_WITHIN_SECONDS);
            send(stalledBody, requestHead(base, 100) + "{");
            send(trickledHeaders, "POST /csc/v2/info HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n");
            for (int i = 0; i < TRICKLERS; i++) {
                Socket socket = open(base);
                tricklers.add(socket);
                send(socket, requestHead(base, 4096) + "{");
            }
            trickle.scheduleAtFixedRate(() -> {
                tricklers.forEach(socket -> sendQuietly(socket, " "));
                sendQuietly(trickledHeaders, "X");
            }, 500, 500, TimeUnit.MILLISECONDS);
            Thread.sleep(2000);

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            for (int probe = 0; probe < 10; probe++) {
                long started = System.nanoTime();
                try {
                    HttpResponse<String> info = client.send(HttpRequest.newBuilder(base.resolve("/csc/v2/info"))
                            .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, info.statusCode(), info.body());
                } catch (HttpTimeoutException e) {
                    fail("csc/v2/info did not answer within 5 s while " + TRICKLERS + " clients trickle request bodies");
                }
                System.out.println("RESULT g1.info-under-trickle probe=" + probe + " ms="
                        + (System.nanoTime() - started) / 1_000_000);
                Thread.sleep(500);
            }

            long headerSeconds = headersClosed.get(TRICKLED_HEADERS_CLOSED_WITHIN_SECONDS + 5, TimeUnit.SECONDS);
            assertTrue(headerSeconds >= 0, "a request whose headers trickle in is ended by the request-parse-timeout");
            long bodySeconds = bodyClosed.get(STALLED_BODY_CLOSED_WITHIN_SECONDS + 5, TimeUnit.SECONDS);
            assertTrue(bodySeconds >= 0, "a request whose body stalls is ended by the read-timeout");
            System.out.println("RESULT g1.slow-clients trickled-headers-ended-after-s=" + headerSeconds
                    + " stalled-body-ended-after-s=" + bodySeconds);
        } finally {
            trickle.shutdownNow();
            for (Socket socket : tricklers) {
                socket.close();
            }
        }
        assertEquals(200, Sigillum.get("/health/ready", null).status());
    }

    private static Socket open(URI base) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static String requestHead(URI base, int contentLength) {
        return "POST /csc/v2/info HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void sendQuietly(Socket socket, String text) {
        try {
            send(socket, text);
        } catch (IOException e) {
            // the server closed it: nothing more to trickle on this one
        }
    }

    /**
     * Completes with the seconds after which the server ended the connection (end of stream, a reset, or any
     * answer to the incomplete request), or with -1 when it was still open after {@code seconds}.
     */
    private static CompletableFuture<Long> closedWithin(Socket socket, int seconds) {
        long started = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> {
            try {
                socket.setSoTimeout(seconds * 1000);
                InputStream in = socket.getInputStream();
                in.read();
            } catch (SocketTimeoutException e) {
                return -1L;
            } catch (IOException e) {
                // reset by the server: ended as well
            }
            return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        }, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "slow-client-watch");
            thread.setDaemon(true);
            return thread;
        }));
    }
}
