package org.openhotline.wechat.callback;

/** What goes back to WeChat: "success" (or an empty body), a reply XML, or a refusal status. */
public record CallbackResponse(int status, String contentType, String body) {
    /** WeChat's "received, no passive reply": the answer, if any, follows through the customer-service API. */
    public static final CallbackResponse SUCCESS = new CallbackResponse(200, "text/plain; charset=utf-8", "success");

    public static CallbackResponse xml(String xml) {
        return new CallbackResponse(200, "application/xml; charset=utf-8", xml);
    }

    public static CallbackResponse text(String text) {
        return new CallbackResponse(200, "text/plain; charset=utf-8", text);
    }

    public static CallbackResponse refused(Refusal why) {
        return new CallbackResponse(why.status(), "text/plain; charset=utf-8", why.wireName());
    }
}
