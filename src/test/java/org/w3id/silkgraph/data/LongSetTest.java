package org.w3id.silkgraph.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LongSetTest {
    @Test
    void agreesWithAHashSetThroughManyGrowths() {
        Random random = new Random(42);
        LongSet set = new LongSet();
        Set<Long> reference = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            // a narrow range gives repeats, the odd 0 and negatives included
            long v = i % 3 == 0 ? random.nextInt(50_000) - 25_000 : random.nextLong();
            assertEquals(reference.add(v), set.add(v), "add " + v);
        }
        assertEquals(reference.size(), set.size());
        for (long v : reference) {
            assertTrue(set.contains(v), "contains " + v);
        }
        for (int i = 0; i < 1000; i++) {
            long v = random.nextLong();
            assertEquals(reference.contains(v), set.contains(v));
        }
    }

    @Test
    void keepsZeroLikeAnyOtherValue() {
        LongSet set = new LongSet();
        assertFalse(set.contains(0));
        assertTrue(set.add(0));
        assertFalse(set.add(0));
        assertTrue(set.contains(0));
        assertEquals(1, set.size());
    }

    @Test
    void hashesThatShareTheirLowBitsStillSpread() {
        LongSet set = new LongSet();
        for (long i = 1; i <= 100_000; i++) {
            assertTrue(set.add(i << 32));
        }
        assertEquals(100_000, set.size());
        assertTrue(set.contains(77_777L << 32));
    }
}
