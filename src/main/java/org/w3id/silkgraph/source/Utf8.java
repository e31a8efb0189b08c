package org.w3id.silkgraph.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict decoding, so a wrong encoding is reported instead of silently turned into replacement characters. */
final class Utf8 {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private Utf8() {
    }

    /** The decoded text, or an {@link InputException} saying what the bytes are instead. */
    static String decode(byte[] bytes, int from, int to) throws InputException {
        int start = from;
        if (to - from >= 3 && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB && (bytes[from + 2] & 0xFF) == 0xBF) {
            start += 3; // a BOM is not part of the text
        }
        if (looksBinary(bytes, start, to)) {
            throw new InputException("binary data, not text");
        }
        try {
            return strict(StandardCharsets.UTF_8, bytes, start, to);
        } catch (CharacterCodingException notUtf8) {
            if (decodes(GB18030, bytes, start, to)) {
                throw new InputException("not UTF-8: looks like GBK/GB18030; convert it first (iconv -f GB18030 -t UTF-8)");
            }
            throw new InputException("not valid UTF-8 text");
        }
    }

    private static String strict(Charset cs, byte[] bytes, int from, int to) throws CharacterCodingException {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, from, to - from))
                .toString();
    }

    private static boolean decodes(Charset cs, byte[] bytes, int from, int to) {
        try {
            strict(cs, bytes, from, to);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** NUL bytes never occur in text; many other control bytes mean an image, archive or executable. */
    private static boolean looksBinary(byte[] bytes, int from, int to) {
        int n = Math.min(to, from + 8192);
        int control = 0;
        for (int i = from; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F) {
                control++;
            }
        }
        return n > from && control * 20 > (n - from);
    }
}
