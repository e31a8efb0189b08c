package org.w3id.silkgraph.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Lines as raw bytes, so each line is decoded (and a bad one reported) on its own instead of one bad byte
 * failing a whole corpus file. Reads through its own buffer: a corpus is gigabytes of lines.
 */
final class LineIterator implements Iterator<byte[]>, AutoCloseable {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    private int pos;
    private int limit;
    private byte[] next;
    private boolean done;
    private long lineNumber;
    private IOException failure;

    LineIterator(InputStream in) {
        this.in = in;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = readLine();
        }
        return next != null;
    }

    @Override
    public byte[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        byte[] l = next;
        next = null;
        lineNumber++;
        return l;
    }

    /** 1-based number of the line last returned by {@link #next()}. */
    long lineNumber() {
        return lineNumber;
    }

    IOException failure() {
        return failure;
    }

    void clearFailure() {
        failure = null;
    }

    private byte[] readLine() {
        line.reset();
        try {
            while (true) {
                if (pos == limit) {
                    limit = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        done = true;
                        return line.size() > 0 ? stripCr(line.toByteArray()) : null;
                    }
                }
                int start = pos;
                while (pos < limit && buf[pos] != '\n') {
                    pos++;
                }
                line.write(buf, start, pos - start);
                if (pos < limit) {
                    pos++; // the newline
                    return stripCr(line.toByteArray());
                }
            }
        } catch (IOException e) {
            failure = e;
            done = true;
            return line.size() > 0 ? stripCr(line.toByteArray()) : null;
        }
    }

    private static byte[] stripCr(byte[] l) {
        return l.length > 0 && l[l.length - 1] == '\r' ? Arrays.copyOf(l, l.length - 1) : l;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more will be read from it
        }
    }
}
