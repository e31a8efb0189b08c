package org.w3id.silkgraph.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.w3id.silkgraph.data.DataFiles;
import org.w3id.silkgraph.nlp.ChineseScript;
import org.w3id.silkgraph.source.SourceDocument;

/**
 * Turns raw news text into clean sentences: traditional → simplified, spam phrases and page chrome removed,
 * lines broken by page layout joined. Cleaning only replaces characters one for one or deletes them, so every
 * cleaned character maps back to the source character it came from.
 */
public final class TextCleaner {
    private static final TextCleaner DEFAULT = new TextCleaner(
            load("spam-phrases.txt").stream().sorted(Comparator.comparingInt(String::length).reversed()).toList(),
            load("boilerplate-lines.txt").stream().map(Pattern::compile).toList());

    private static final Pattern LIST_ITEM = Pattern.compile("[一二三四五六七八九十]+、|\\d+[.、]|第[一二三四五六七八九十\\d]+[章节部分]");
    private final List<String> spam;
    private final List<Pattern> boilerplate;

    private TextCleaner(List<String> spam, List<Pattern> boilerplate) {
        this.spam = spam;
        this.boilerplate = boilerplate;
    }

    public static TextCleaner standard() {
        return DEFAULT;
    }

    public CleanDocument clean(SourceDocument doc) {
        char[] chars = normalize(ChineseScript.toSimplified(doc.text()));
        boolean[] drop = new boolean[chars.length];
        String s = new String(chars);
        dropSpam(s, drop);
        dropJunkCharacters(chars, drop);
        dropBoilerplateLines(s, drop);
        joinBrokenLines(s, drop);

        StringBuilder out = new StringBuilder(chars.length);
        int[] map = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
            if (!drop[i]) {
                map[out.length()] = i;
                out.append(chars[i]);
            }
        }
        String text = out.toString();
        int[] toSource = java.util.Arrays.copyOf(map, text.length());
        return new CleanDocument(doc, text, toSource, SentenceSplitter.split(text));
    }

    /** Full-width letters, digits and spaces become ASCII ones (one for one), so patterns see one form. */
    private static char[] normalize(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if ((ch >= '０' && ch <= '９') || (ch >= 'Ａ' && ch <= 'Ｚ') || (ch >= 'ａ' && ch <= 'ｚ')) {
                c[i] = (char) (ch - 0xFEE0);
            } else if (ch == '\u3000' || ch == '\u00A0' || ch == '\t') {
                c[i] = ' ';
            } else if (ch == '\r') {
                c[i] = '\n';
            }
        }
        return c;
    }

    private void dropSpam(String s, boolean[] drop) {
        for (String phrase : spam) {
            for (int i = s.indexOf(phrase); i >= 0; i = s.indexOf(phrase, i + phrase.length())) {
                for (int k = i; k < i + phrase.length(); k++) {
                    drop[k] = true;
                }
            }
        }
    }

    /** Replacement characters from a damaged source, zero-width characters and soft hyphens carry nothing. */
    private static void dropJunkCharacters(char[] c, boolean[] drop) {
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch == '\uFFFD' || ch == '\u200B' || ch == '\u200C' || ch == '\u200D' || ch == '\uFEFF' || ch == '\u00AD'
                    || (Character.isISOControl(ch) && ch != '\n')) {
                drop[i] = true;
            }
        }
    }

    private void dropBoilerplateLines(String s, boolean[] drop) {
        for (Line line : Line.all(s)) {
            String t = line.text(s).strip();
            // page chrome comes in short lines; a paragraph is never one
            if (!t.isEmpty() && t.length() <= 80 && boilerplate.stream().anyMatch(p -> p.matcher(t).matches())) {
                for (int k = line.start(); k < line.end(); k++) {
                    drop[k] = true;
                }
            }
        }
    }

    /**
     * A paragraph cut by a page or column break ("…提升通关和查" / "验效率。") is joined back: the first part
     * reads as running text (it has inner punctuation and does not end a sentence) and the next non-empty line
     * continues it (it starts with a word, not a list marker).
     */
    private static void joinBrokenLines(String s, boolean[] drop) {
        List<Line> lines = Line.all(s);
        for (int i = 0; i < lines.size(); i++) {
            Line a = lines.get(i);
            String at = a.text(s).strip();
            if (at.isEmpty() || !readsAsRunningText(at) || endsSentence(at.charAt(at.length() - 1))) {
                continue;
            }
            int j = i + 1;
            while (j < lines.size() && lines.get(j).text(s).isBlank()) {
                j++;
            }
            if (j == lines.size()) {
                break;
            }
            String bt = lines.get(j).text(s).strip();
            if (continuesText(bt)) {
                int from = a.start() + a.text(s).stripTrailing().length();
                int to = lines.get(j).start() + (lines.get(j).text(s).length() - lines.get(j).text(s).stripLeading().length());
                for (int k = from; k < to; k++) {
                    drop[k] = true;
                }
            }
        }
    }

    private static boolean readsAsRunningText(String line) {
        int punct = 0;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (ch == '，' || ch == ',' || ch == '、' || ch == '。' || ch == '；' || ch == ';') {
                punct++;
            }
        }
        return punct > 0 && line.length() >= 8;
    }

    private static boolean endsSentence(char ch) {
        return "。！？!?；;：:”」』）)》…".indexOf(ch) >= 0;
    }

    private static boolean continuesText(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        if ("●○■□◆◇▲△★☆•·-—*#【[（(".indexOf(c) >= 0) {
            return false;
        }
        if (LIST_ITEM.matcher(line).lookingAt()) {
            return false;
        }
        return Character.isLetterOrDigit(c) || c == '，' || c == '、' || c == '“' || c == '"';
    }

    private static List<String> load(String name) {
        return DataFiles.lines(TextCleaner.class, name).stream().map(String::strip).toList();
    }

    /** A line of text: [start, end) without its line break. */
    private record Line(int start, int end) {
        String text(String s) {
            return s.substring(start, end);
        }

        static List<Line> all(String s) {
            List<Line> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= s.length(); i++) {
                if (i == s.length() || s.charAt(i) == '\n') {
                    lines.add(new Line(start, i));
                    start = i + 1;
                }
            }
            return lines;
        }
    }
}
