-- Agents' SIP passwords for the softphones they register to OpenHotline (issue 8). Only the digest hash is kept,
-- HA1 = md5(username:realm:password): what SIP digest authentication needs, never the password itself. The realm is
-- stored beside it because HA1 depends on it: after telephony.realm changes, old rows no longer match and the
-- passwords must be set again. A deleted account takes its SIP password with it. Runs on H2 and PostgreSQL.

CREATE TABLE sip_credential (
    user_id    BIGINT       NOT NULL PRIMARY KEY REFERENCES user_account (user_id) ON DELETE CASCADE,
    realm      VARCHAR(100) NOT NULL,
    ha1        VARCHAR(64)  NOT NULL,                -- lower-case hex MD5
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
