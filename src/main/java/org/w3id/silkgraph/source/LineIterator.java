package org.w3id.silkgraph.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Lines as raw bytes, so each line is decoded (and a bad one reported) on its own instead of one bad byte
 * failing a whole corpus file.
 */
final class LineIterator implements Iterator<byte[]>, AutoCloseable {
    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
    private byte[] next;
    private boolean done;
    private long lineNumber;
    private IOException failure;

    LineIterator(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
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
        byte[] line = next;
        next = null;
        lineNumber++;
        return line;
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
        buf.reset();
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return stripCr();
                }
                buf.write(b);
            }
        } catch (IOException e) {
            failure = e;
        }
        done = true;
        return buf.size() > 0 ? stripCr() : null;
    }

    private byte[] stripCr() {
        byte[] line = buf.toByteArray();
        if (line.length > 0 && line[line.length - 1] == '\r') {
            byte[] shorter = new byte[line.length - 1];
            System.arraycopy(line, 0, shorter, 0, shorter.length);
            return shorter;
        }
        return line;
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
