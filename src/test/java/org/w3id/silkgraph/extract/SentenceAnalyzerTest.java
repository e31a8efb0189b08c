package org.w3id.silkgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3id.silkgraph.gazetteer.Gazetteer;

/** The name grammar on sentences written for the test (not taken from the seeds or the gold). */
class SentenceAnalyzerTest {
    private static final SentenceAnalyzer ANALYZER = new SentenceAnalyzer(Gazetteer.standard());

    private static List<Unit> analyze(String sentence) {
        return ANALYZER.analyze(sentence, ANALYZER.words(sentence));
    }

    private static List<String> names(String sentence, Unit.Type type) {
        return analyze(sentence).stream().filter(u -> u.is(type)).map(u -> u.mention.name()).toList();
    }

    @Test
    void anAcronymAtTheStartOfASentenceIsNoCrash() {
        // a sentence may begin with the parenthesis right after its first word
        assertEquals(List.of(), names("网络(WTO)今天发布报告。", Unit.Type.PERSON));
        assertTrue(names("全球气候观测网络(GCOS)发布报告。", Unit.Type.ORG).contains("全球气候观测网络"));
    }

    @Test
    void organizationNamesEndWhereTheVerbBegins() {
        List<String> orgs = names("由浙江大学、中国科学院上海光学精密机械研究所和华为技术有限公司共同主办。", Unit.Type.ORG);
        assertTrue(orgs.containsAll(List.of("浙江大学", "中国科学院上海光学精密机械研究所", "华为技术有限公司")), orgs.toString());
        assertFalse(orgs.stream().anyMatch(o -> o.contains("主办")), orgs.toString());
    }

    @Test
    void countedThingsAreNotNames() {
        assertEquals(List.of(), names("当地新建了12家技术转移中心。", Unit.Type.ORG));
    }

    @Test
    void eventsKeepTheirEditionAndQuotedName() {
        List<String> events = names("第五届“丝路科技”创新合作博览会将于9月在西安举办。", Unit.Type.EVENT);
        assertEquals(List.of("第五届丝路科技创新合作博览会"), events);
    }

    @Test
    void aPairOfCountriesNeedsChinaOrAWordSayingTheyAreTogether() {
        assertEquals(1, analyze("中法两国签署协议。").stream().filter(u -> u.is(Unit.Type.PLACE) && u.mention.isPair()).count());
        assertEquals(0, analyze("他们弘扬美德。").stream().filter(u -> u.is(Unit.Type.PLACE) && u.mention.isPair()).count());
    }

    @Test
    void transliteratedNamesJoinedByADot() {
        assertTrue(names("俄罗斯科学院院士伊万·彼得罗夫作报告。", Unit.Type.PERSON).contains("伊万·彼得罗夫"));
    }
}
