package org.openhotline.kb.io;

import java.util.List;

/**
 * The column headings of the editors' spreadsheet. The first four are the template editors already
 * use (标准问题, 相似问题 one per line, 答案, 分类); the others are optional and read when present.
 */
public final class ExcelTemplate {
    public static final String ID = "编号";
    public static final String QUESTION = "标准问题";
    public static final String SIMILAR = "相似问题";
    public static final String ANSWER = "答案";
    public static final String CATEGORY = "分类";
    public static final String VOICE_ANSWER = "语音答案";
    public static final String KEYWORDS = "关键词";
    public static final String VALID_FROM = "生效日期";
    public static final String VALID_TO = "失效日期";
    public static final String STATUS = "状态";

    /** Written in this order by the exporter. */
    public static final List<String> COLUMNS = List.of(ID, QUESTION, SIMILAR, ANSWER, CATEGORY, VOICE_ANSWER,
            KEYWORDS, VALID_FROM, VALID_TO, STATUS);
    public static final List<String> REQUIRED = List.of(QUESTION, ANSWER);

    private ExcelTemplate() {}
}
