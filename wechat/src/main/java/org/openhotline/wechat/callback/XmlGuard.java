package org.openhotline.wechat.callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The checks before any XML parser sees a byte: a size limit read off the stream (an oversized body is never held
 * whole), and no DTD at all (DOCTYPE, ENTITY): WeChat never sends one, and refusing it shuts out XXE and entity
 * expansion whatever the parsers behind do.
 */
public final class XmlGuard {
    private static final Pattern DTD = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
    private final int maxBytes;

    public XmlGuard(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public String read(InputStream body) throws RefusedCallback {
        if (body == null) throw new RefusedCallback(Refusal.BAD_XML);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
        byte[] buf = new byte[8192];
        try (body) {
            int n;
            while ((n = body.read(buf)) > 0) {
                if (out.size() + n > maxBytes) throw new RefusedCallback(Refusal.OVERSIZED);
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new RefusedCallback(Refusal.BAD_XML);
        }
        String xml = out.toString(StandardCharsets.UTF_8);
        check(xml);
        return xml;
    }

    /** Also applied to the XML found inside an AES payload. */
    public void check(String xml) throws RefusedCallback {
        if (xml.isBlank()) throw new RefusedCallback(Refusal.BAD_XML);
        if (DTD.matcher(xml).find()) throw new RefusedCallback(Refusal.DOCTYPE);
    }
}
