package org.w3id.silkgraph.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable character trie: every dictionary word that starts at a given position of a text, in one walk.
 * Children are kept in sorted arrays, which is compact and fast enough for thousands of names.
 *
 * @param <V> what a word stands for
 */
public final class Trie<V> {
    private final Node<V> root;
    /** The root's children indexed directly by character: most lookups end at the first character. */
    private final Node<V>[] first;

    @SuppressWarnings("unchecked")
    private Trie(Node<V> root) {
        this.root = root;
        this.first = new Node[1 << 16];
        for (int i = 0; i < root.keys.length; i++) {
            first[root.keys[i]] = root.children[i];
        }
    }

    private Node<V> step(Node<V> node, char c) {
        return node == root ? first[c] : node.child(c);
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /** A word found at a position of a text: where it starts and ends, and what it stands for. */
    @FunctionalInterface
    public interface Hit<V> {
        void accept(int start, int end, V value);
    }

    /**
     * Calls {@code hit} for every word in the trie that starts at {@code start}, shortest first. The start is
     * passed on so that one handler serves a whole scan of a text (this runs at every word of every sentence).
     */
    public void matchesAt(CharSequence text, int start, Hit<V> hit) {
        Node<V> node = root;
        for (int i = start; i < text.length(); i++) {
            node = step(node, text.charAt(i));
            if (node == null) {
                return;
            }
            if (node.value != null) {
                hit.accept(start, i + 1, node.value);
            }
        }
    }

    /** End offset of the longest word starting at {@code start}, or -1. */
    public int longestAt(CharSequence text, int start) {
        Match<V> longest = longestMatchAt(text, start);
        return longest == null ? -1 : longest.end();
    }

    /**
     * For a trie built from reversed words ({@link Builder#putReversed}): the value of the longest word that ends
     * exactly at {@code end} and starts at or after {@code from}, found by walking backwards without copying.
     */
    public V longestEndingAt(CharSequence text, int from, int end) {
        Node<V> node = root;
        V best = null;
        for (int i = end - 1; i >= from; i--) {
            node = step(node, text.charAt(i));
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = node.value;
            }
        }
        return best;
    }

    /** The longest word starting at {@code start}: where it ends and what it stands for; null if none. */
    public Match<V> longestMatchAt(CharSequence text, int start) {
        Match<V> best = null;
        Node<V> node = root;
        for (int i = start; i < text.length(); i++) {
            node = step(node, text.charAt(i));
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = new Match<>(i + 1, node.value);
            }
        }
        return best;
    }

    /** A word found in a text: its end offset and value. */
    public record Match<V>(int end, V value) {
    }

    public V get(CharSequence word) {
        Node<V> node = root;
        for (int i = 0; i < word.length() && node != null; i++) {
            node = step(node, word.charAt(i));
        }
        return node == null ? null : node.value;
    }

    public boolean contains(CharSequence word) {
        return get(word) != null;
    }

    private static final class Node<V> {
        private final char[] keys;
        private final Node<V>[] children;
        private final V value;

        Node(char[] keys, Node<V>[] children, V value) {
            this.keys = keys;
            this.children = children;
            this.value = value;
        }

        Node<V> child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? children[i] : null;
        }
    }

    /** Collects words; a word added twice keeps the value the merge function makes of both. */
    public static final class Builder<V> {
        private final MutableNode<V> root = new MutableNode<>();

        public Builder<V> put(String word, V value) {
            return merge(word, value, (a, b) -> b);
        }

        /** Adds {@code word} reversed, for {@link Trie#longestEndingAt}. */
        public Builder<V> putReversed(String word, V value) {
            return put(new StringBuilder(word).reverse().toString(), value);
        }

        public Builder<V> merge(String word, V value, java.util.function.BinaryOperator<V> merge) {
            if (word == null || word.isEmpty()) {
                return this;
            }
            MutableNode<V> n = root;
            for (int i = 0; i < word.length(); i++) {
                n = n.children.computeIfAbsent(word.charAt(i), c -> new MutableNode<>());
            }
            n.value = n.value == null ? value : merge.apply(n.value, value);
            return this;
        }

        public Trie<V> build() {
            return new Trie<>(root.freeze());
        }
    }

    private static final class MutableNode<V> {
        final Map<Character, MutableNode<V>> children = new TreeMap<>();
        V value;

        @SuppressWarnings("unchecked")
        Node<V> freeze() {
            char[] keys = new char[children.size()];
            List<Node<V>> kids = new ArrayList<>(children.size());
            int i = 0;
            for (Map.Entry<Character, MutableNode<V>> e : children.entrySet()) {
                keys[i++] = e.getKey();
                kids.add(e.getValue().freeze());
            }
            return new Node<>(keys, kids.toArray(new Node[0]), value);
        }
    }
}
