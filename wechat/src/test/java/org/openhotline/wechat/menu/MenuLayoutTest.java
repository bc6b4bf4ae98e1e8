package org.openhotline.wechat.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import org.junit.jupiter.api.Test;

/** The menu config against WeChat's rules, each mistake named. */
class MenuLayoutTest {
    @Test
    void buttonsAndSubButtonsBecomeWechatsMenu() {
        WxMenu m = MenuLayout.parse(List.of("社保服务/缴费查询 = click:SI_RECORDS", "社保服务/办事指南 = view:https://example.gov.cn/g",
                "公积金 = click:HF_PROGRESS"));
        assertEquals(2, m.getButtons().size());
        assertEquals("社保服务", m.getButtons().get(0).getName());
        assertEquals(2, m.getButtons().get(0).getSubButtons().size());
        assertEquals("view", m.getButtons().get(0).getSubButtons().get(1).getType());
        assertEquals("click", m.getButtons().get(1).getType());
        assertEquals(Set.of("SI_RECORDS", "HF_PROGRESS"), MenuLayout.clickKeys(m));
    }

    @Test
    void eachMistakeIsNamed() {
        assertTrue(message("A=click:1", "B=click:2", "C=click:3", "D=click:4").contains("3"));
        assertTrue(message("社会保险服务=click:X").contains("16 bytes"));
        assertTrue(message("菜单=link:http://x").contains("click:KEY or view:URL"));
        assertTrue(message("菜单=view:ftp://x").contains("http"));
        assertTrue(message("菜单").contains("must be"));
        assertTrue(message("菜单=click:A", "菜单/子=click:B").contains("already a button"));
        assertTrue(message("菜/1=click:1", "菜/2=click:2", "菜/3=click:3", "菜/4=click:4", "菜/5=click:5", "菜/6=click:6").contains("5"));
        assertTrue(message().contains("empty"));
    }

    @Test
    void targetsAreAPhraseAFlowOrACategory() {
        assertEquals(new MenuTarget.Phrase("查社保缴费记录"), MenuTarget.parse("查社保缴费记录"));
        assertEquals(new MenuTarget.Flow("si-payment-records"), MenuTarget.parse("flow:si-payment-records"));
        assertEquals(new MenuTarget.Category("社保卡"), MenuTarget.parse(" category:社保卡 "));
    }

    private static String message(String... items) {
        return assertThrows(IllegalArgumentException.class, () -> MenuLayout.parse(List.of(items))).getMessage();
    }
}
