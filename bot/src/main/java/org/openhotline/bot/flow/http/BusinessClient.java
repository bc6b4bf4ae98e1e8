package org.openhotline.bot.flow.http;

/**
 * The port through which task flows reach the bureau's business systems. It never throws: failures come
 * back as {@link BusinessResponse.Outcome#ERROR} or {@link BusinessResponse.Outcome#TIMEOUT}, which the
 * flow turns into its configured replies.
 */
public interface BusinessClient {
    BusinessResponse send(BusinessRequest request);

    /** The JDK HTTP client with its defaults. */
    static BusinessClient http() {
        return new HttpBusinessClient();
    }
}
