package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A failed step on the phone queue's thread: the error line names the exception with its message masked. */
class PhoneQueueLogTest {
    @Test
    void aFailedStepLogsItsClassAndAMaskedMessageAndKeepsTheStackForDebug() {
        Logger logger = (Logger) LoggerFactory.getLogger(PhoneQueue.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(Level.DEBUG);
        try {
            PhoneQueue.safely(() -> {
                throw new IllegalStateException("no route for sip:13900007777@10.0.0.5 from 13900007777");
            });
            List<ILoggingEvent> errors = logs.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertEquals(1, errors.size(), "logged once at error: " + logs.list);
            ILoggingEvent error = errors.getFirst();
            assertTrue(error.getFormattedMessage().contains("IllegalStateException"), error.getFormattedMessage());
            assertFalse(error.getFormattedMessage().contains("13900007777"), "the caller's number is masked: " + error.getFormattedMessage());
            assertNull(error.getThrowableProxy(), "no stack trace (it repeats the unmasked message) at error");
            assertTrue(logs.list.stream().anyMatch(e -> e.getLevel() == Level.DEBUG && e.getThrowableProxy() != null), "the stack is kept at debug");
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(level);
        }
    }
}
