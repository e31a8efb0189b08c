package org.w3id.silkgraph.extract;

/** What the name grammar knows about the shape of names, for linking. */
public final class NameShapes {
    private static final java.util.regex.Pattern ORDINAL =
            java.util.regex.Pattern.compile("^(第[0-9一二三四五六七八九十百零〇]+[届次期]|首届)");

    private NameShapes() {
    }

    /** The organization ending a name has (研究所 of …研究所), or null. */
    public static String organizationSuffix(String name) {
        Lexicon.OrgSuffix s = Lexicon.endingAt(Lexicon.get().orgEndings, name, 0, name.length());
        return s == null ? null : s.suffix();
    }

    /** 第八届 or 首届 at the start of an event name, or "" when it has none. */
    public static String ordinal(String eventName) {
        java.util.regex.Matcher m = ORDINAL.matcher(eventName);
        return m.find() ? m.group() : "";
    }
}
