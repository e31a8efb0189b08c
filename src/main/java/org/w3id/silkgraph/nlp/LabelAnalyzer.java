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
 * Lucene analysis of Chinese names for full-text search over labels: text is simplified first (so 重慶 finds 重庆),
 * then cut into HanLP's dictionary words. A word of three or more characters is also indexed by its character pairs
 * and every Chinese character on its own, so 重庆 finds 重庆市 and 渝 finds 川渝; a query keeps words and pairs only,
 * so 重庆 does not match everything with 重 in it.
 * <p>
 * The no-argument constructor gives the indexing analyzer, for use as {@code text:analyzer} with
 * {@code text:GenericAnalyzer} in a Fuseki configuration; {@link #forQueries()} gives the query analyzer.
 */
public final class LabelAnalyzer extends Analyzer {
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
            for (Token w : Segmenter.dictionaryWords(text, 0)) {
                String word = w.word().strip();
                if (word.isEmpty() || w.tagged("w")) {
                    continue;
                }
                List<Term> parts = new ArrayList<>();
                parts.add(new Term(word, w.start(), w.end(), 1));
                if (word.length() >= 3 && isChinese(word)) {
                    for (int i = 0; i + 2 <= word.length(); i++) {
                        parts.add(new Term(word.substring(i, i + 2), w.start() + i, w.start() + i + 2, 0));
                    }
                }
                if (indexing && word.length() >= 2 && isChinese(word)) {
                    for (int i = 0; i < word.length(); i++) {
                        parts.add(new Term(word.substring(i, i + 1), w.start() + i, w.start() + i + 1, 0));
                    }
                }
                // Lucene wants offsets that never go backwards: pieces of a word in order of where they start
                parts.subList(1, parts.size()).sort(java.util.Comparator.comparingInt(Term::start));
                terms.addAll(parts);
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
