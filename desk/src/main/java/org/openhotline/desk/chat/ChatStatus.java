package org.openhotline.desk.chat;

/** QUEUED → OFFERED (to one agent) → ACTIVE → ENDED; a queue timeout or the citizen leaving ends it too. */
public enum ChatStatus {
    QUEUED,
    OFFERED,
    ACTIVE,
    ENDED
}
