package org.openhotline.telephony.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openhotline.voice.codec.G711;

/**
 * The little of SDP (RFC 4566 / 3264) a G.711 voice agent needs: read the audio line of an offer or answer,
 * pick PCMU or PCMA and the telephone-event type, and write our side. Anything else in the body is ignored.
 */
public final class Sdp {
    public static final int DEFAULT_DTMF_PT = 101;

    /** What the other side offered or answered for audio. */
    public record Media(String address, int port, List<Integer> payloadTypes, int dtmfPayloadType, Direction direction) {
        /** PCMU or PCMA, in the order the other side prefers; empty when neither is there. */
        public Optional<G711.Law> law() {
            for (int pt : payloadTypes) {
                if (pt == G711.Law.ULAW.payloadType) return Optional.of(G711.Law.ULAW);
                if (pt == G711.Law.ALAW.payloadType) return Optional.of(G711.Law.ALAW);
            }
            return Optional.empty();
        }
    }

    /** The stream direction attribute, from the point of view of the side that wrote it. */
    public enum Direction {
        SENDRECV, SENDONLY, RECVONLY, INACTIVE;

        /** What we answer to this offered direction (RFC 3264 6.1). */
        public Direction answer() {
            return switch (this) {
                case SENDONLY -> RECVONLY;
                case RECVONLY -> SENDONLY;
                default -> this;
            };
        }

        /** Whether the side using this direction sends media. */
        public boolean sends() {
            return this == SENDRECV || this == SENDONLY;
        }

        String attribute() {
            return name().toLowerCase();
        }
    }

    private Sdp() {}

    /** Parses the first audio stream; empty when there is none or the body is not SDP. */
    public static Optional<Media> parse(String body) {
        if (body == null || body.isBlank()) return Optional.empty();
        String sessionAddress = null, mediaAddress = null;
        int port = -1, dtmf = -1;
        List<Integer> pts = new ArrayList<>();
        Direction dir = Direction.SENDRECV;
        boolean inAudio = false, seenAudio = false;
        try {
            for (String raw : body.split("\r?\n")) {
                String line = raw.trim();
                if (line.length() < 2 || line.charAt(1) != '=') continue;
                char type = line.charAt(0);
                String value = line.substring(2);
                if (type == 'm') {
                    if (seenAudio) break;
                    inAudio = value.startsWith("audio ");
                    if (inAudio) {
                        seenAudio = true;
                        String[] f = value.split("\\s+");
                        port = Integer.parseInt(f[1].split("/")[0]);
                        for (int i = 3; i < f.length; i++) pts.add(Integer.parseInt(f[i]));
                    }
                } else if (type == 'c') {
                    String[] f = value.split("\\s+");
                    String addr = f.length >= 3 ? f[2].split("/")[0] : null;
                    if (inAudio) mediaAddress = addr;
                    else if (!seenAudio) sessionAddress = addr;
                } else if (type == 'a' && (inAudio || !seenAudio)) {
                    if (value.startsWith("rtpmap:") && value.toLowerCase().contains("telephone-event/8000"))
                        dtmf = Integer.parseInt(value.substring(7, value.indexOf(' ')).trim());
                    else if (value.equals("sendonly")) dir = Direction.SENDONLY;
                    else if (value.equals("recvonly")) dir = Direction.RECVONLY;
                    else if (value.equals("inactive")) dir = Direction.INACTIVE;
                    else if (value.equals("sendrecv")) dir = Direction.SENDRECV;
                }
            }
        } catch (RuntimeException bad) {
            return Optional.empty();
        }
        String address = mediaAddress != null ? mediaAddress : sessionAddress;
        if (!seenAudio || address == null || port < 0 || port > 65535) return Optional.empty();
        // an old-style hold (c=0.0.0.0) means inactive
        if (address.equals("0.0.0.0") && dir == Direction.SENDRECV) dir = Direction.INACTIVE;
        return Optional.of(new Media(address, port, List.copyOf(pts), dtmf, dir));
    }

    /** Our answer: the one codec chosen plus telephone-event. */
    public static String answer(String host, int port, long version, G711.Law law, int dtmfPt, Direction direction) {
        return body(host, port, version, List.of(law), dtmfPt < 0 ? DEFAULT_DTMF_PT : dtmfPt, direction);
    }

    /** Our offer (outgoing calls, or an INVITE that came without SDP): PCMU, PCMA, telephone-event 101. */
    public static String offer(String host, int port, long version) {
        return body(host, port, version, List.of(G711.Law.ULAW, G711.Law.ALAW), DEFAULT_DTMF_PT, Direction.SENDRECV);
    }

    private static String body(String host, int port, long version, List<G711.Law> laws, int dtmfPt, Direction dir) {
        StringBuilder m = new StringBuilder("m=audio ").append(port).append(" RTP/AVP");
        StringBuilder a = new StringBuilder();
        for (G711.Law l : laws) {
            m.append(' ').append(l.payloadType);
            a.append("a=rtpmap:").append(l.payloadType).append(' ').append(l.encodingName).append("/8000\r\n");
        }
        m.append(' ').append(dtmfPt);
        a.append("a=rtpmap:").append(dtmfPt).append(" telephone-event/8000\r\n")
                .append("a=fmtp:").append(dtmfPt).append(" 0-16\r\n")
                .append("a=ptime:20\r\n")
                .append("a=").append(dir.attribute()).append("\r\n");
        return "v=0\r\n"
                + "o=OpenHotline " + (port * 1000L) + " " + version + " IN IP4 " + host + "\r\n"
                + "s=OpenHotline\r\n"
                + "c=IN IP4 " + host + "\r\n"
                + "t=0 0\r\n"
                + m + "\r\n" + a;
    }
}
