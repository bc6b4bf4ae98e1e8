package org.openhotline.bot.flow.http;

/**
 * What came back: OK with the parsed JSON body (a Map, List, text or number; decimals as BigDecimal so
 * amounts print as sent), or ERROR / TIMEOUT with a short detail for logs (never a citizen's data).
 */
public record BusinessResponse(Outcome outcome, int status, Object body, String detail) {
    public enum Outcome { OK, ERROR, TIMEOUT }

    public static BusinessResponse ok(int status, Object body) {
        return new BusinessResponse(Outcome.OK, status, body, "");
    }

    public static BusinessResponse error(int status, String detail) {
        return new BusinessResponse(Outcome.ERROR, status, null, detail);
    }

    public static BusinessResponse timeout(String detail) {
        return new BusinessResponse(Outcome.TIMEOUT, 0, null, detail);
    }
}
