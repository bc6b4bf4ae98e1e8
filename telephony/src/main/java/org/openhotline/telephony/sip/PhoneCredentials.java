package org.openhotline.telephony.sip;

import java.util.Optional;

/**
 * Where the registrar finds agents' SIP passwords: only the digest hash HA1 = md5(user:realm:password), so the
 * registrar never sees a password and a copy of the store cannot be replayed elsewhere (another realm, another hash).
 * Empty for unknown or disabled users. Implemented by the server over the accounts database.
 */
public interface PhoneCredentials {
    Optional<String> ha1(String user, String realm);
}
