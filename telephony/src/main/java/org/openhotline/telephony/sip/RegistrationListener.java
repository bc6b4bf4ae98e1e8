package org.openhotline.telephony.sip;

/** Told when a phone registers (a new binding, not a refresh) and when a binding ends: unregistered, replaced or expired. */
public interface RegistrationListener {
    default void registered(Binding binding) {}

    /** @param why "unregistered" (Expires 0 or Contact *) or "expired" */
    default void unregistered(Binding binding, String why) {}
}
