package org.w3id.silkgraph.extract;

/** The form of a name that entities are identified by. */
public final class Names {
    private static final String DROPPED = "“”\"'‘’「」『』《》〈〉 \u3000\t\n";

    private Names() {
    }

    /**
     * Quotation and title marks and spaces removed, parentheses and dashes in one form, so that
     * 首届“一带一路”科技交流大会 and 首届"一带一路"科技交流大会 name the same event.
     */
    public static String normalize(String surface) {
        StringBuilder b = new StringBuilder(surface.length());
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (DROPPED.indexOf(c) >= 0) {
                continue;
            }
            b.append(switch (c) {
                case '(' -> '（';
                case ')' -> '）';
                case '－', '–', '—', '―', '‐' -> '-';
                case '•', '・', '‧' -> '·';
                default -> c;
            });
        }
        String s = b.toString();
        while (s.contains("--")) {
            s = s.replace("--", "-");
        }
        return s;
    }
}
