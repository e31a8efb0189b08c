package org.w3id.silkgraph.nlp;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene analysis of Chinese names for full-text search over labels, so that a part of a name finds the whole
 * (重庆 finds 重庆 and 重庆市, 科技部 finds 科学技术部 through its alternative name) and the script does not matter
 * (重慶 finds 重庆). Text is simplified first. A label is indexed by its HanLP words and by every run of one to six
 * Chinese characters in it; a query's run of Chinese characters is one term (a longer run, its six-character pieces),
 * so it must occur in a label as written, not merely share a character with it.
 * <p>
 * The no-argument constructor gives the indexing analyzer, for {@code text:analyzer} with
 * {@code text:GenericAnalyzer} in a Fuseki configuration; {@link Query} is the query analyzer.
 */
public final class LabelAnalyzer extends Analyzer {
    private static final int MAX_GRAM = 6;

    private final boolean indexing;

    public LabelAnalyzer() {
        this(true);
    }

    private LabelAnalyzer(boolean indexing) {
        this.indexing = indexing;
    }

    /** The analyzer for query strings (text:queryAnalyzer). */
    public static LabelAnalyzer forQueries() {
        return new LabelAnalyzer(false);
    }

    /** For text:GenericAnalyzer in a configuration file, which can only name a class. */
    public static final class Query extends Analyzer {
        private final LabelAnalyzer delegate = forQueries();

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return delegate.createComponents(fieldName);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new LabelTokenizer(indexing);
        TokenStream filtered = new LowerCaseFilter(source);
        return new TokenStreamComponents(source, filtered);
    }

    /** Emits the terms of the whole input, computed at reset. */
    private static final class LabelTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final boolean indexing;
        private final List<Term> terms = new ArrayList<>();
        private int next;
        private int length;

        LabelTokenizer(boolean indexing) {
            this.indexing = indexing;
        }

        private record Term(String text, int start, int end, int increment) {
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            String text = ChineseScript.toSimplified(readAll(input));
            length = text.length();
            terms.clear();
            next = 0;
            if (indexing) {
                for (Token w : Segmenter.dictionaryWords(text, 0)) {
                    String word = w.word().strip();
                    if (!word.isEmpty() && !w.tagged("w")) {
                        terms.add(new Term(word, w.start(), w.end(), 1));
                    }
                }
            } else {
                queryTerms(text);
            }
            if (indexing) {
                addGrams(text);
            }
            // Lucene wants start offsets that never go backwards
            terms.sort(java.util.Comparator.comparingInt(Term::start));
        }

        /**
         * A query's runs of Chinese characters are looked up whole (the index holds every run of up to six, so 重庆
         * finds exactly the labels containing 重庆); a longer run by its six-character pieces; other words as words.
         */
        private void queryTerms(String text) {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int j = i + 1;
                if (Character.isIdeographic(c)) {
                    while (j < text.length() && Character.isIdeographic(text.charAt(j))) {
                        j++;
                    }
                    if (j - i <= MAX_GRAM) {
                        terms.add(new Term(text.substring(i, j), i, j, 1));
                    } else {
                        for (int k = i; k + MAX_GRAM <= j; k++) {
                            terms.add(new Term(text.substring(k, k + MAX_GRAM), k, k + MAX_GRAM, 1));
                        }
                    }
                } else if (Character.isLetterOrDigit(c)) {
                    while (j < text.length() && Character.isLetterOrDigit(text.charAt(j)) && !Character.isIdeographic(text.charAt(j))) {
                        j++;
                    }
                    terms.add(new Term(text.substring(i, j), i, j, 1));
                }
                i = j;
            }
        }

        /** Every run of one to six Chinese characters, at the position of its first character. */
        private void addGrams(String text) {
            for (int i = 0; i < text.length(); i++) {
                for (int n = 1; n <= MAX_GRAM && i + n <= text.length() && Character.isIdeographic(text.charAt(i + n - 1)); n++) {
                    terms.add(new Term(text.substring(i, i + n), i, i + n, 0));
                }
            }
        }

        @Override
        public boolean incrementToken() {
            if (next >= terms.size()) {
                return false;
            }
            clearAttributes();
            Term t = terms.get(next++);
            term.setEmpty().append(t.text());
            offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
            position.setPositionIncrement(next == 1 ? 1 : t.increment());
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(correctOffset(length), correctOffset(length));
        }

        private static boolean isChinese(String w) {
            return w.codePoints().allMatch(Character::isIdeographic);
        }

        private static String readAll(Reader r) throws IOException {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[1024];
            for (int n; (n = r.read(buf)) != -1; ) {
                b.append(buf, 0, n);
            }
            return b.toString();
        }
    }
}
