package org.sigillum.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void markupIsEscaped() {
        assertEquals("&lt;b&gt;&amp;&quot;&#39;", Pages.escape("<b>&\"'"));
        assertEquals("", Pages.escape(null));
    }

    @Test
    void bidiControlsAreShownNotObeyed() {
        String spoofed = "invoice" + (char) 0x202E + "fdp.exe";
        assertEquals("invoice[U+202E]fdp.exe", Pages.escape(spoofed));
        for (int c = 0x202A; c <= 0x202E; c++) {
            assertFalse(Pages.escape("a" + (char) c + "b").indexOf(c) >= 0, Integer.toHexString(c));
        }
        for (int c = 0x2066; c <= 0x2069; c++) {
            assertFalse(Pages.escape("a" + (char) c + "b").indexOf(c) >= 0, Integer.toHexString(c));
        }
        assertEquals("Überweisung.pdf", Pages.escape("Überweisung.pdf"));
    }
}
