package dev.agentteam.common.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first and last bytes of a stream up to a cap; build logs put the cause at one end or the other. */
final class OutputCapture {

    private final byte[] head;
    private final byte[] tail;
    private int headLength;
    private long tailWritten;
    private long total;

    OutputCapture(long cap) {
        int bounded = (int) Math.min(Math.max(cap, 2), Integer.MAX_VALUE - 8);
        this.head = new byte[bounded / 2];
        this.tail = new byte[bounded - bounded / 2];
    }

    /** Reads until end of stream (the pipe closes when every process holding it has exited). */
    void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            append(buffer, read);
        }
    }

    synchronized void append(byte[] data, int length) {
        total += length;
        int offset = 0;
        if (headLength < head.length) {
            int n = Math.min(length, head.length - headLength);
            System.arraycopy(data, 0, head, headLength, n);
            headLength += n;
            offset = n;
        }
        for (int i = offset; i < length; i++) {
            tail[(int) (tailWritten % tail.length)] = data[i];
            tailWritten++;
        }
    }

    synchronized boolean truncated() {
        return tailWritten > tail.length;
    }

    synchronized String text() {
        String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
        if (!truncated()) {
            return start + new String(tail, 0, (int) tailWritten, StandardCharsets.UTF_8);
        }
        int begin = (int) (tailWritten % tail.length);
        byte[] ordered = new byte[tail.length];
        System.arraycopy(tail, begin, ordered, 0, tail.length - begin);
        System.arraycopy(tail, 0, ordered, tail.length - begin, begin);
        long dropped = total - head.length - tail.length;
        return start + "\n[… " + dropped + " bytes truncated …]\n" + new String(ordered, StandardCharsets.UTF_8);
    }
}
