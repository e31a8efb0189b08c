package org.w3id.silkgraph.source;

/** An input that cannot be read as news text; the message is one line for the user. */
public class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }
}
