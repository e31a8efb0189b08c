package org.w3id.silkgraph.data;

/**
 * A set of longs in one array: 8 to 16 bytes an element where a {@code HashSet<Long>} takes about 60. For what a
 * build remembers about every document or entity it has seen (as {@link Hashes#fnv64} hashes), so that its memory
 * grows as little as it can with the corpus.
 */
public final class LongSet {
    private static final float MAX_LOAD = 0.5f;
    private long[] slots = new long[64];
    /** 0 marks a free slot, so the value 0 itself is kept apart. */
    private boolean hasZero;
    private int size;

    /** Adds {@code value}; true when it was not in the set before. */
    public boolean add(long value) {
        if (value == 0) {
            boolean added = !hasZero;
            hasZero = true;
            size += added ? 1 : 0;
            return added;
        }
        int i = find(slots, value);
        if (slots[i] == value) {
            return false;
        }
        slots[i] = value;
        if (++size > slots.length * MAX_LOAD) {
            grow();
        }
        return true;
    }

    public boolean contains(long value) {
        return value == 0 ? hasZero : slots[find(slots, value)] == value;
    }

    public int size() {
        return size;
    }

    /** The slot holding {@code value}, or the free slot where it would go (linear probing). */
    private static int find(long[] slots, long value) {
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        while (slots[i] != 0 && slots[i] != value) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Spreads all 64 bits over the low ones: FNV-1a's low bits alone cluster. */
    private static int mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        return (int) v;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long v : slots) {
            if (v != 0) {
                bigger[find(bigger, v)] = v;
            }
        }
        slots = bigger;
    }
}
