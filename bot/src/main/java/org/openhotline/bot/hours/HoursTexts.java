package org.openhotline.bot.hours;

/**
 * The sentences about opening hours, configurable per bureau ({@code hours.texts}).
 *
 * @param back         {@code %s} = when, e.g. "今天13:30" → "人工服务将于今天13:30恢复"
 * @param unknown      said when no opening is found within the search horizon
 * @param outsideHours the bot's reply outside hours; {@code %s} = {@code back} or {@code unknown}. It offers a
 *                     message or a callback instead of a transfer no one would answer
 */
public record HoursTexts(String back, String unknown, String outsideHours) {

    public static HoursTexts defaults() {
        return new HoursTexts(
                "人工服务将于%s恢复",
                "近期暂无人工服务安排，请留意公告",
                "现在是人工服务休息时间，%s。您可以回复“留言”留下您的问题，我们上班后尽快处理；也可以回复“回电”，留下电话号码，工作人员上班后给您回电。");
    }
}
