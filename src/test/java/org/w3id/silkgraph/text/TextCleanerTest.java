package org.w3id.silkgraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3id.silkgraph.source.SourceDocument;

/** Cleaning with the shipped lists (spam phrases, page chrome) and HanLP's real conversion tables. */
class TextCleanerTest {

    private final TextCleaner cleaner = TextCleaner.standard();

    @Test
    void traditionalBecomesSimplifiedAndSentencesPointBackAtTheTraditionalSource() {
        String source = "國務院新聞辦公室將舉行新聞發布會。";
        CleanDocument clean = clean(source);

        assertTrue(clean.text().startsWith("国务院新闻办公室"), clean.text());
        assertEquals(source.length(), clean.text().length(), "one character for one");
        Sentence s = only(clean);
        assertTrue(s.text().contains("国务院新闻办公室"), s.text());
        assertEquals(source, clean.sourceText(s));
        for (int i = 0; i < clean.text().length(); i++)
            assertEquals(i, clean.sourceOffset(i));
    }

    /** A list of names a thousand characters long without a full stop goes to HanLP in pieces cut at a 、. */
    @Test
    void anOverlongSentenceIsCutAtClauseBreaks() {
        StringBuilder list = new StringBuilder("委员：");
        for (int i = 0; list.length() < 1200; i++) {
            list.append(i % 2 == 0 ? "李克强" : "王沪宁").append("、");
        }
        String source = list + "等同志。第二句。";
        CleanDocument clean = clean(source);

        List<Sentence> sentences = clean.sentences();
        assertTrue(sentences.size() >= 4, sentences.toString());
        assertEquals("第二句。", sentences.get(sentences.size() - 1).text());
        for (Sentence s : sentences) {
            assertTrue(s.text().length() <= SentenceSplitter.MAX_LENGTH, s.text().length() + ": " + s.text());
            assertEquals(source.substring(clean.sourceOffset(s.start()), clean.sourceEnd(s.end())), clean.sourceText(s));
        }
        for (int i = 0; i < sentences.size() - 2; i++) {
            assertTrue(sentences.get(i).text().endsWith("、"), "cut after a 、: " + sentences.get(i).text());
        }
        assertEquals(source.length() - "第二句。".length(), sentences.get(sentences.size() - 2).end(), "nothing lost between pieces");
    }

    @Test
    void offsetsOfALaterSentenceSurviveSimplification() {
        String source = "新聞發布會在北京舉行。國務院新聞辦公室主任出席。";
        CleanDocument clean = clean(source);
        assertEquals(2, clean.sentences().size(), clean.sentences().toString());
        Sentence second = clean.sentences().get(1);
        assertTrue(second.text().startsWith("国务院新闻办公室"), second.text());
        assertEquals("國務院新聞辦公室主任出席。", clean.sourceText(second));
    }

    @Test
    void aSpamPhraseIsRemovedFromTheCleanTextButKeptInTheSourceText() {
        String source = "首届一带一路科技交流大会包養網即将在重庆举行。";
        CleanDocument clean = clean(source);

        Sentence s = only(clean);
        assertEquals("首届一带一路科技交流大会即将在重庆举行。", s.text());
        assertFalse(clean.text().contains("包养"), clean.text());
        assertFalse(clean.text().contains("包養"), clean.text());
        assertEquals(source, clean.sourceText(s));
        assertTrue(clean.sourceText(s).contains("包養網"));
        // the character after the spam maps past it
        int after = s.text().indexOf('即');
        assertEquals(source.indexOf('即'), clean.sourceOffset(s.start() + after));
    }

    @Test
    void spamInTheMiddleOfASeedLikeTitleIsDropped() {
        String source = "国新办就首届“一带一路”科技交流大会有关情况举行发布会_中查甜心寶貝包養網国网";
        CleanDocument clean = clean(source);
        assertFalse(clean.text().contains("甜心"), clean.text());
        assertFalse(clean.text().contains("包养"), clean.text());
        assertEquals(source, clean.sourceText(only(clean)));
    }

    @Test
    void aParagraphBrokenAcrossABlankLineIsJoinedIntoOneSentence() {
        String first = "为进一步优化口岸营商环境，海关总署推出多项便利措施，提升通关和查";
        String source = first + "\n\n验效率。下一句话在这里。";
        CleanDocument clean = clean(source);

        assertEquals(List.of("为进一步优化口岸营商环境，海关总署推出多项便利措施，提升通关和查验效率。", "下一句话在这里。"),
                texts(clean));
        Sentence joined = clean.sentences().get(0);
        assertEquals(first + "\n\n验效率。", clean.sourceText(joined));
    }

    @Test
    void aTitleWithoutPunctuationIsNotJoinedToTheParagraphAfterIt() {
        String source = "第八届中俄工程技术论坛成功举办\n\n11月24日，由中国科协主办的第八届中俄工程技术论坛通过线上方式成功举办。";
        CleanDocument clean = clean(source);

        assertEquals(List.of("第八届中俄工程技术论坛成功举办",
                "11月24日，由中国科协主办的第八届中俄工程技术论坛通过线上方式成功举办。"), texts(clean));
        assertEquals("第八届中俄工程技术论坛成功举办", clean.sourceText(clean.sentences().get(0)));
        assertEquals(source.indexOf("11月24日"), clean.sourceOffset(clean.sentences().get(1).start()));
    }

    @Test
    void aListItemIsNotJoinedToTheRunningTextBeforeIt() {
        String source = "他提出了三点建议，内容如下\n\n一、加强基础科学合作。";
        assertEquals(List.of("他提出了三点建议，内容如下", "一、加强基础科学合作。"), texts(clean(source)));
    }

    @Test
    void sentencesEndAtFinalPunctuationWithTheirClosingQuotesAndAtLineBreaks() {
        String source = "今天举行论坛。你来吗？太好了！他说：“合作共赢。”然后离开了。\n没有标点的一行\n最后一句";
        CleanDocument clean = clean(source);

        assertEquals(List.of("今天举行论坛。", "你来吗？", "太好了！", "他说：“合作共赢。”", "然后离开了。", "没有标点的一行", "最后一句"),
                texts(clean));
        for (int i = 0; i < clean.sentences().size(); i++) {
            Sentence s = clean.sentences().get(i);
            assertEquals(i, s.index());
            assertEquals(s.text(), clean.text().substring(s.start(), s.end()));
            assertEquals(s.text(), clean.sourceText(s), "nothing to clean here");
        }
    }

    @Test
    void blankLinesAndSurroundingWhiteSpaceMakeNoSentences() {
        String source = "\n\n   第一句。   \n\n\n  第二句。\n\n";
        CleanDocument clean = clean(source);
        assertEquals(List.of("第一句。", "第二句。"), texts(clean));
        assertEquals("第二句。", clean.sourceText(clean.sentences().get(1)));
    }

    @Test
    void pageChromeLinesAreDropped() {
        String source = "作者:\n\n分類:\n\n论坛在重庆举行。\n\n上一篇：旧新闻\n\n版权所有 某某网";
        assertEquals(List.of("论坛在重庆举行。"), texts(clean(source)));
    }

    @Test
    void fullWidthDigitsAndLettersBecomeAsciiOneForOne() {
        String source = "２０２３年１１月６日，ＡＩ大会举行。";
        CleanDocument clean = clean(source);
        Sentence s = only(clean);
        assertEquals("2023年11月6日，AI大会举行。", s.text());
        assertEquals(source, clean.sourceText(s));
    }

    @Test
    void charactersOutsideTheBasicPlaneKeepTheirSourceOffsets() {
        String source = "𠮷野家。论坛在重庆举行。";
        CleanDocument clean = clean(source);
        assertEquals(2, clean.sentences().size(), texts(clean).toString());
        assertEquals("𠮷野家。", clean.sourceText(clean.sentences().get(0)));
        assertEquals("论坛在重庆举行。", clean.sourceText(clean.sentences().get(1)));
    }

    private CleanDocument clean(String text) {
        return cleaner.clean(SourceDocument.of("test", text));
    }

    private static Sentence only(CleanDocument clean) {
        assertEquals(1, clean.sentences().size(), clean.sentences().toString());
        return clean.sentences().get(0);
    }

    private static List<String> texts(CleanDocument clean) {
        return clean.sentences().stream().map(Sentence::text).toList();
    }
}
