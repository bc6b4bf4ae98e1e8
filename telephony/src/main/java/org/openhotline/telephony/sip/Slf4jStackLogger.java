package org.openhotline.telephony.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JAIN-SIP's own logging to SLF4J (named by the stack property {@code gov.nist.javax.sip.STACK_LOGGER}),
 * so the stack writes no files of its own and its chatter sits one level below ours: its "info" (every message
 * on the wire) is our debug.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger log = LoggerFactory.getLogger("org.openhotline.telephony.sip.stack");
    private static final java.util.concurrent.atomic.AtomicBoolean UNPROCESSABLE_LOGGED = new java.util.concurrent.atomic.AtomicBoolean();

    @Override public void logStackTrace() {}
    @Override public void logStackTrace(int level) {}
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable t) { log.debug("SIP stack", t); }
    @Override public void logDebug(String m) { log.trace(m); }
    @Override public void logDebug(String m, Exception e) { log.trace(m, e); }
    @Override public void logTrace(String m) { log.trace(m); }
    @Override public void logFatalError(String m) { log.error(m); }
    @Override public void logError(String m) { log.warn(m); }
    @Override
    public void logError(String m, Exception e) {
        if (m != null && m.startsWith("Error while processing incoming")) unprocessable(m, e);
        else log.warn(m, e);
    }

    /**
     * A datagram or stream the stack could not parse: it logs the whole packet as a byte list (the caller's number
     * included) once per packet, so a flood of garbage would flood the log. One warning without the bytes, then debug.
     */
    private static void unprocessable(String m, Exception e) {
        int bytes = m.indexOf('[');
        String what = bytes > 0 ? m.substring(0, bytes).strip() : "Error while processing incoming data";
        if (UNPROCESSABLE_LOGGED.compareAndSet(false, true))
            log.warn("{} (dropped: {}); further ones are logged at debug only", what, e == null ? "?" : e.toString());
        else log.debug("{} (dropped: {})", what, e == null ? "?" : e.toString());
    }
    @Override public void logWarning(String m) { log.debug(m); }
    @Override public void logInfo(String m) { log.debug(m); }
    @Override public boolean isLoggingEnabled() { return log.isDebugEnabled(); }

    @Override
    public boolean isLoggingEnabled(int level) {
        if (level <= TRACE_ERROR) return log.isWarnEnabled();
        if (level <= TRACE_INFO) return log.isDebugEnabled();
        return log.isTraceEnabled();
    }

    @Override public void disableLogging() {}
    @Override public void enableLogging() {}
    @Override public void setBuildTimeStamp(String s) {}
    @Override public void setStackProperties(Properties p) {}
    @Override public String getLoggerName() { return log.getName(); }
}
