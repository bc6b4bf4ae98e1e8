package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonRecognizerTest {
    private final PersonRecognizer r = new PersonRecognizer();

    @Test
    void namesAfterTheWordsThatIntroduceThem() {
        assertEquals(List.of("张伟@张伟"), Found.spans(r, "我叫张伟，身份证"));
        assertEquals(List.of("李娜"), Found.values(r, "身份证号码：610402199304143748，姓名：李娜，想问下"));
        assertEquals(List.of("赵磊"), Found.values(r, "老板叫赵磊，欠了我1.2万"));
        assertEquals(List.of("何丽娟"), Found.values(r, "打到卡6212263406538431343，户名何丽娟"));
        assertEquals(List.of("张伟"), Found.values(r, "我叫张伟想问一下"), "the name ends where the sentence goes on");
        assertEquals(List.of("欧阳娜娜"), Found.values(r, "联系人：欧阳娜娜"));
        assertEquals(List.of("陈强"), Found.values(r, "你好，我是陈强，身份证"));
    }

    @Test
    void surnameWithATitle() {
        assertEquals(List.of("王科长"), Found.values(r, "找一下王科长，他说今天回电话"));
        assertEquals(List.of("李主任"), Found.values(r, "找李主任"));
        assertEquals(List.of("罗师傅"), Found.values(r, "找罗师傅"));
    }

    @Test
    void noOneIsNamed() {
        assertEquals(List.of(), Found.values(r, "对 我姓王"));
        assertEquals(List.of(), Found.values(r, "来电人姓孙"));
        assertEquals(List.of(), Found.values(r, "我是周至县的"));
        assertEquals(List.of(), Found.values(r, "我是甘肃的 在西安打工"));
        assertEquals(List.of(), Found.values(r, "公积金能提到这张卡吗"));
        assertEquals(List.of(), Found.values(r, "孩子的班主任不让请假"));
    }
}
