package org.openhotline.bot.flow.definition;

import org.openhotline.bot.flow.template.Template;

/**
 * The engine's own sentences, overridable per flow under {@code texts:}. They may use {@code ${flow.title}};
 * {@code corrected} and {@code noted} (a slot answered before it was asked) also {@code ${changed.label}}, and {@code giveUp} {@code ${failed.label}}.
 */
public record FlowTexts(Template cancelled, Template giveUp, Template corrected, Template noted, Template back, Template invalid,
                        Template whichToChange) {
    public static FlowTexts defaults() {
        return new FlowTexts(
                Template.parse("好的，已为您取消${flow.title}。如还有其他问题，可以直接问我。"),
                Template.parse("抱歉，我还是没能确认您的${failed.label}。为免耽误您的时间，建议转人工客服为您办理，回复“转人工”即可。"),
                Template.parse("好的，已更新${changed.label}。"),
                Template.parse("好的，已记下${changed.label}。"),
                Template.parse("我们继续办理${flow.title}。"),
                Template.parse("您输入的${failed.label}不符合要求，请重新输入。"),
                Template.parse("请问哪一项需要修改？您可以直接说，例如“电话是 139…”。"));
    }
}
