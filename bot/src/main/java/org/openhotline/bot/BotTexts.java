package org.openhotline.bot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed sentences the bot says, configurable per bureau (configuration {@code bot.texts.<key>}).
 * {@code %s} is replaced by the numbered list of questions (clarify, fallback, welcome), the queue position (queued) or the record number (message-taken).
 */
public final class BotTexts {
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("clarify", "您想问的是下面哪个问题？请回复序号：\n%s");
        DEFAULTS.put("fallback", "抱歉，这个问题我暂时还不会回答。您可以换个说法再问一次，或看看大家常问的问题：\n%s\n如需人工服务，请回复“转人工”。");
        DEFAULTS.put("transfer", "好的，正在为您转接人工客服，请稍候。");
        DEFAULTS.put("empty", "您好，请直接输入您想咨询的问题，例如“社保卡丢了怎么补办”。");
        DEFAULTS.put("withheld", "抱歉，这条答复暂时无法发送，我们已记录下来。如需帮助，请回复“转人工”。");
        DEFAULTS.put("loading", "系统正在更新知识库，请稍后再问，或回复“转人工”。");
        DEFAULTS.put("welcome", "您好，我是政务服务智能客服，可以解答社保、医保、公积金等问题，也可以帮您查询和登记诉求。大家最近常问：\n%s");
        DEFAULTS.put("thanks", "不客气，很高兴能帮到您。还有其他问题可以随时问我。");
        DEFAULTS.put("goodbye", "感谢您的咨询，再见！");
        DEFAULTS.put("chitchat", "我是政务服务智能客服，主要解答社保、医保、公积金和政务服务方面的问题。请问您想办理或咨询什么业务？");
        DEFAULTS.put("offer-human", "抱歉没能帮到您。需要为您转接人工客服吗？回复“是”或“转人工”即可。");
        DEFAULTS.put("queued", "您已进入人工服务队列，前面还有 %s 位，请稍候，客服接入后会马上回复您。");
        DEFAULTS.put("waiting", "已收到您的消息，人工客服接入后会一并看到，请稍候。");
        DEFAULTS.put("leave-message", "请直接输入您要留言的内容，我们会在工作时间尽快处理。");
        DEFAULTS.put("leave-phone", "请留下您的联系电话，方便工作人员联系您。");
        DEFAULTS.put("bad-phone", "这个号码好像不完整，请输入11位手机号或带区号的固定电话。");
        DEFAULTS.put("message-taken", "您的留言已记录（编号 %s），工作人员会在工作时间尽快联系您。");
        DEFAULTS.put("abuse", "请文明用语，我们会尽力帮您解决问题。");
        DEFAULTS.put("flow-resume", "我们继续刚才的办理：%s");
        DEFAULTS.put("flow-cancelled", "好的，已取消办理。还有其他问题可以继续问我。");
        DEFAULTS.put("feedback-thanks", "感谢您的反馈，我们会持续改进答复。");
        DEFAULTS.put("rated", "感谢您的评价！如有意见或建议，可以直接回复一句告诉我们；继续咨询请直接提问。");
        DEFAULTS.put("rating-comment-stored", "已记录您的意见，谢谢！还有问题可以继续问我。");
        DEFAULTS.put("rating-comment-thanks", "谢谢！还有问题可以继续问我。");
        DEFAULTS.put("closing", "您已经有一段时间没有回复，本次会话先结束了。如还有问题，欢迎随时再来咨询。");
    }

    /** The configurable keys, in a stable order. */
    public static final List<String> KEYS = List.copyOf(DEFAULTS.keySet());

    private final Map<String, String> texts;

    private BotTexts(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    public static BotTexts defaults() {
        return new BotTexts(DEFAULTS);
    }

    /** These texts with some replaced; blank values keep the default; unknown keys are refused by name. */
    public BotTexts with(Map<String, String> overrides) {
        Map<String, String> out = new LinkedHashMap<>(texts);
        overrides.forEach((k, v) -> {
            if (!DEFAULTS.containsKey(k)) throw new IllegalArgumentException("unknown bot text '" + k + "'; known: " + KEYS);
            if (v != null && !v.isBlank()) out.put(k, v);
        });
        return new BotTexts(out);
    }

    public String get(String key) {
        String t = texts.get(key);
        if (t == null) throw new IllegalArgumentException("unknown bot text '" + key + "'");
        return t;
    }

    /** The text with its {@code %s} filled. */
    public String format(String key, Object arg) {
        return get(key).replace("%s", String.valueOf(arg));
    }

    public String clarify() { return get("clarify"); }
    public String fallback() { return get("fallback"); }
    public String transfer() { return get("transfer"); }
    public String empty() { return get("empty"); }
    public String withheld() { return get("withheld"); }
    public String loading() { return get("loading"); }
}
