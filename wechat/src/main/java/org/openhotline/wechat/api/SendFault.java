package org.openhotline.wechat.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;

/**
 * Why one API call failed, and whether trying again could make the citizen receive a message twice.
 * <p>The rule: a send is retried only when the request surely did not reach WeChat (no connection could be
 * opened, or WeChat answered "system busy", -1, which it documents as not processed). When the request was
 * written and the answer never came (read timeout, connection reset, empty response), WeChat may have delivered
 * it: it is recorded as <em>uncertain</em> for an agent to look at, never sent again.
 */
record SendFault(int code, String why, Kind kind) {
    enum Kind { RETRY, UNCERTAIN, FINAL }

    static final int NETWORK = -99;
    static final int BUSY = -1;

    static SendFault of(WxErrorException e) {
        // weixin-java-mp wraps an IOException as error -99 with the exception as the cause
        if (e.getError() == null || e.getError().getErrorCode() == NETWORK) return network(e.getCause());
        int code = e.getError().getErrorCode();
        return new SendFault(code, e.getError().getErrorMsg(), code == BUSY ? Kind.RETRY : Kind.FINAL);
    }

    static SendFault of(WxRuntimeException e) {
        if (e.getMessage() != null && e.getMessage().contains("重试")) return new SendFault(BUSY, "system busy", Kind.RETRY);
        return network(e.getCause() != null ? e.getCause() : e);
    }

    private static SendFault network(Throwable cause) {
        String name = cause == null ? "unknown" : cause.getClass().getSimpleName();
        return new SendFault(NETWORK, name, notSent(cause) ? Kind.RETRY : Kind.UNCERTAIN);
    }

    /** A failure of a step before the message itself was sent (an image upload): retrying it cannot duplicate. */
    static final class NothingSent extends IOException {
        NothingSent(Throwable cause) {
            super("failed before the message was sent", cause);
        }
    }

    /** Only failures before any byte of the request left: no connection, no pooled connection, no address. */
    static boolean notSent(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof NothingSent || c instanceof ConnectException || c instanceof ConnectTimeoutException || c instanceof ConnectionPoolTimeoutException
                    || c instanceof UnknownHostException || c instanceof NoRouteToHostException) return true;
            if (c instanceof IOException) return false;
        }
        return false;
    }
}
