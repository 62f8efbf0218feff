package org.sigillum.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The messages the test SMTP server (python3-aiosmtpd, started by bin/sigillum test) stored in its Maildir
 * (SIGILLUM_IT_MAILDIR), and the signing codes in them.
 */
final class MailCodes {

    static final Pattern CODE = Pattern.compile("Your signing code is ([0-9]{6,8})\\.");

    private MailCodes() {
    }

    /** Every message received so far for {@code address}, oldest first. */
    static List<String> messagesTo(String address) {
        Path inbox = Path.of(Sigillum.env("SIGILLUM_IT_MAILDIR"), "new");
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(inbox)) {
            return found;
        }
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.sorted((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .toList()) {
                String text = Files.readString(file);
                if (text.lines().anyMatch(l -> l.regionMatches(true, 0, "To: ", 0, 4) && l.contains(address))) {
                    found.add(text);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + inbox, e);
        }
        return found;
    }

    /** Waits until the {@code n}th message for {@code address} has arrived and returns the code in it. */
    static String code(String address, int n) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            List<String> messages = messagesTo(address);
            if (messages.size() >= n) {
                Matcher matcher = CODE.matcher(messages.get(n - 1));
                if (!matcher.find()) {
                    throw new AssertionError("no code in the message: " + messages.get(n - 1));
                }
                return matcher.group(1);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no message " + n + " for " + address + " arrived at the SMTP server");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
