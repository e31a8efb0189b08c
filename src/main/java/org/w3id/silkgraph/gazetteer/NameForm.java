package org.w3id.silkgraph.gazetteer;

/** How a surface string names a gazetteer entry; decides where the string may be trusted. */
public enum NameForm {
    /** The official or canonical name: 重庆市, 中华人民共和国, 科学技术部. */
    FULL,
    /** The common short form: 重庆, 四川, 俄罗斯. Needs word boundaries. */
    SHORT,
    /** Another established name or abbreviation: 俄国, 科技部, 国新办. */
    ALIAS,
    /** A one- or two-character form only used inside pairs such as 中俄, 川渝: 俄, 渝. */
    PAIR,
    /** A side in talks or an agreement: 中方, 俄方. */
    SIDE,
    /**
     * The short form of a county (安吉, 海原): too often an ordinary word to be read as a place, but enough to know
     * that a string is not a person's name.
     */
    MINOR
}
