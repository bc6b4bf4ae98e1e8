package org.openhotline.desk.callback;

/**
 * What a source reports: a call nobody took, a voice message, a request left in a chat. Null fields are unknown;
 * a null group goes to the desk's default group.
 */
public record NewCallback(CallbackKind kind, String phone, String channel, String skillGroup, String reason, String detail,
                          String callId, String sessionId, Long handoffId, Long chatId, String voiceFile, Long voiceMillis, String message) {

    /** A call the bridge could not give to an agent (MISSED_CALL or ABANDONED). */
    public static NewCallback call(CallbackKind kind, String phone, String group, String reason, String callId) {
        return new NewCallback(kind, phone, "voice", group, reason, null, callId, null, null, null, null, null, null);
    }

    /** A voice message left in the IVR; {@code fileName} is the WAV's name in the messages folder. */
    public static NewCallback voicemail(String phone, String callId, String fileName, long millis) {
        return new NewCallback(CallbackKind.VOICEMAIL, phone, "voice", null, "voicemail", null, callId, null, null, null, fileName, millis, null);
    }
}
