package org.openhotline.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 14.1.2), and the 206 / 416 / 200 answer for a stream of a
 * known size. Javalin's {@code writeSeekableStream} read {@code bytes=-500} (the last 500 bytes) as "from byte 500" and
 * answered a range beyond the end with a 206 of nothing; players ask for both.
 *
 * @param from first byte, inclusive
 * @param to   last byte, inclusive (always below the size)
 */
public record ByteRange(long from, long to) {

    public long length() {
        return to - from + 1;
    }

    /**
     * The range {@code header} asks for in a resource of {@code size} bytes; null when the whole resource should be sent
     * (no header, another unit, several ranges, or a malformed one: RFC 9110 lets a server ignore those). A range that
     * starts at or beyond the end, or an empty suffix, is {@code 416 range_not_satisfiable}.
     */
    public static ByteRange parse(String header, long size) {
        if (header == null) return null;
        String h = header.strip();
        if (!h.toLowerCase(Locale.ROOT).startsWith("bytes=")) return null;
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (spec.contains(",") || dash < 0) return null;
        String first = spec.substring(0, dash).strip(), last = spec.substring(dash + 1).strip();
        if (!digits(first) || !(last.isEmpty() || digits(last)) || (first.isEmpty() && last.isEmpty())) return null;
        if (first.isEmpty()) { // suffix: the last N bytes
            long n = number(last);
            if (n == 0 || size == 0) throw unsatisfiable(header, size);
            return new ByteRange(Math.max(0, size - n), size - 1);
        }
        long from = number(first);
        long to = last.isEmpty() ? size - 1 : number(last);
        if (from >= size) throw unsatisfiable(header, size);
        if (to < from) return null; // invalid: ignored
        return new ByteRange(from, Math.min(to, size - 1));
    }

    /**
     * Answers with {@code in} (closed afterwards), {@code size} bytes of {@code type}: 206 with Content-Range for a
     * satisfiable range, 416 with {@code Content-Range: bytes *}{@code /size} for one beyond the end, else 200 whole.
     * Never sends more than {@code size} bytes, even if the file grows meanwhile.
     */
    public static void send(Context ctx, InputStream in, String type, long size) throws IOException {
        try (in) {
            ctx.header("Accept-Ranges", "bytes");
            ByteRange r;
            try {
                r = parse(ctx.header("Range"), size);
            } catch (BadRequest e) {
                ctx.header("Content-Range", "bytes */" + size);
                throw e;
            }
            long skip = r == null ? 0 : r.from, length = r == null ? size : r.length();
            if (r != null) {
                ctx.status(206);
                ctx.header("Content-Range", "bytes " + r.from + "-" + r.to + "/" + size);
            }
            ctx.contentType(type);
            ctx.header("Content-Length", String.valueOf(length));
            in.skipNBytes(skip);
            OutputStream out = ctx.res().getOutputStream();
            byte[] buffer = new byte[16384];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) break; // the file shrank: the client sees a short body, never another file's bytes
                out.write(buffer, 0, n);
                left -= n;
            }
            out.flush();
        }
    }

    private static BadRequest unsatisfiable(String header, long size) {
        return new BadRequest(416, "range_not_satisfiable", "the range " + header.strip() + " is not within the " + size + " bytes");
    }

    private static boolean digits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A number of bytes; one too long for a long is beyond any file. */
    private static long number(String s) {
        return s.length() > 18 ? Long.MAX_VALUE : Long.parseLong(s);
    }
}
