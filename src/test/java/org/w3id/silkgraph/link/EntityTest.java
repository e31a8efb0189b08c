package org.w3id.silkgraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * An entity's names and codes come out in one order whatever order they went in: the dump follows them, and
 * Set.copyOf / Map.copyOf would follow a seed that changes from one JVM to the next.
 */
class EntityTest {

    @Test
    void namesAndCodesIterateSorted() {
        LinkedHashSet<String> names = new LinkedHashSet<>(List.of("俄联邦", "俄国", "俄", "Russia", "苏联", "俄罗斯联邦"));
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("isoCode", "RU");
        codes.put("iso3Code", "RUS");
        codes.put("adminCode", "x");

        Entity e = new Entity("https://w3id.org/silkgraph/id/country/RU", List.of("Country"), "俄罗斯", names, codes,
                "Russia", List.of(), null, List.of());

        assertEquals(List.of("Russia", "俄", "俄国", "俄罗斯联邦", "俄联邦", "苏联"), List.copyOf(e.altLabels()));
        assertEquals(List.of("adminCode", "iso3Code", "isoCode"), List.copyOf(e.codes().keySet()));
    }
}
