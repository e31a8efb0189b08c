package org.w3id.silkgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void hanAndFullwidthPunctuationTakeTwoColumns() {
        assertEquals(4, DisplayWidth.of("中国"));
        assertEquals(3, DisplayWidth.of("abc"));
        assertEquals(2 + 1 + 2 + 2, DisplayWidth.of("中a，。"));
        assertEquals(10, DisplayWidth.of("２０２４年"));
    }

    @Test
    void combiningMarksTakeNone() {
        assertEquals(1, DisplayWidth.of("e\u0301"));
    }

    @Test
    void supplementaryIdeographsTakeTwo() {
        assertEquals(2, DisplayWidth.of(new String(Character.toChars(0x20BB7))));
    }
}
