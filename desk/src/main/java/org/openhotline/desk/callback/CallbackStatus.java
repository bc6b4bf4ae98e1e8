package org.openhotline.desk.callback;

/** OPEN (anyone of the group may claim) → CLAIMED (one agent is calling; expires back to OPEN) → DONE. */
public enum CallbackStatus {
    OPEN,
    CLAIMED,
    DONE
}
