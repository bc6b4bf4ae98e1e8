package org.openhotline.wechat.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlGuardTest {
    final XmlGuard guard = new XmlGuard(1024);

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainMessagesPass() throws Exception {
        assertEquals("<xml><Content>你好</Content></xml>", guard.read(in("<xml><Content>你好</Content></xml>")));
    }

    @Test
    void dtdsInAnyCaseOrSpacingAreRefused() {
        for (String x : new String[] {"<!DOCTYPE x><xml/>", "<! doctype x><xml/>", "<xml><!ENTITY a \"b\"></xml>"}) {
            assertEquals(Refusal.DOCTYPE, assertThrows(RefusedCallback.class, () -> guard.read(in(x))).refusal(), x);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        assertEquals(Refusal.OVERSIZED, assertThrows(RefusedCallback.class, () -> guard.read(endless)).refusal());
    }

    @Test
    void anEmptyBodyIsBadXml() {
        assertEquals(Refusal.BAD_XML, assertThrows(RefusedCallback.class, () -> guard.read(in("  "))).refusal());
    }
}
