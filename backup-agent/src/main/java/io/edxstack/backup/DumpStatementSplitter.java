package io.edxstack.backup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a mariadb-dump stream into statements as it streams by, without holding more than a line's first bytes, and
 * says of each what a parallel load may do with it. It relies on what mariadb-dump guarantees: a statement ends at
 * the end of a line that ends with the delimiter, and a row never spans lines (newlines inside values are written as
 * {@code \n}), so the row lines of an extended INSERT end with {@code ),} and its last with {@code );}.
 */
final class DumpStatementSplitter {
    /** What a statement is to a parallel load. */
    enum Kind {
        /** Rows: may run on any session once the table exists. */
        DATA,
        /** Session state (SET ..., the client's sandbox mode): every session needs it. */
        SESSION,
        /** Table locks: they would serialise the sessions on a staging database nobody reads; dropped. */
        LOCK,
        /** Everything else (DDL, DELIMITER, routines): in order, on the first session, after all rows before it. */
        CONTROL,
        /** Comment lines and blank lines between statements: dropped. */
        COMMENT
    }

    /** Receives each statement's bytes, in order, as they arrive. */
    interface Listener {
        void statementStart(Kind kind);

        void bytes(byte[] buffer, int offset, int length);
    }

    private static final int HEAD = 48;
    private static final byte[][] DATA_HEADS = heads("INSERT INTO ", "INSERT IGNORE INTO ", "REPLACE INTO ");
    private static final byte[][] LOCK_HEADS = heads("LOCK TABLES ", "UNLOCK TABLES;");
    private static final byte[] DELIMITER = "DELIMITER ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SANDBOX = "/*M!999999\\- enable the sandbox mode".getBytes(StandardCharsets.US_ASCII);

    private final Listener listener;
    private final byte[] head = new byte[HEAD];
    private int headLength;
    /** True while the current line's first bytes are still being gathered to classify it. */
    private boolean classifying = true;
    private boolean inStatement;
    private Kind statementKind = Kind.COMMENT;
    private byte[] delimiter = {';'};
    /** The current line is a client command (DELIMITER, sandbox mode): it ends with the line. */
    private boolean lineCommand;
    /** The last non-blank bytes of the current line, to see whether it ends with the delimiter. */
    private final byte[] tail = new byte[16];
    private int tailLength;

    DumpStatementSplitter(Listener listener) {
        this.listener = listener;
    }

    void feed(byte[] buffer, int offset, int length) {
        int end = offset + length;
        int position = offset;
        while (position < end) {
            int newline = indexOf(buffer, (byte) '\n', position, end);
            int lineEnd = newline < 0 ? end : newline + 1;
            if (classifying) {
                int take = Math.min(lineEnd - position, HEAD - headLength);
                System.arraycopy(buffer, position, head, headLength, take);
                headLength += take;
                remember(buffer, position, position + take);
                position += take;
                boolean lineDone = headLength > 0 && head[headLength - 1] == '\n';
                if (lineDone || headLength == HEAD) {
                    startLine();
                    listener.bytes(head, 0, headLength);
                    if (lineDone) {
                        endLine();
                    }
                }
                continue;
            }
            remember(buffer, position, lineEnd);
            listener.bytes(buffer, position, lineEnd - position);
            boolean lineDone = buffer[lineEnd - 1] == '\n';
            position = lineEnd;
            if (lineDone) {
                endLine();
            }
        }
    }

    /** The end of the stream: a last line without a newline is still a line. */
    void finish() {
        if (classifying && headLength > 0) {
            startLine();
            listener.bytes(head, 0, headLength);
        }
        if (headLength > 0 || !classifying) {
            endLine();
        }
    }

    private void startLine() {
        classifying = false;
        if (inStatement) {
            return;
        }
        statementKind = classify();
        listener.statementStart(statementKind);
        // Client commands end at the end of their line, whatever the delimiter.
        if (statementKind == Kind.CONTROL && startsWith(head, headLength, DELIMITER)) {
            String line = new String(head, 0, headLength, StandardCharsets.US_ASCII).strip();
            delimiter = line.substring(DELIMITER.length).strip().getBytes(StandardCharsets.US_ASCII);
            lineCommand = true;
        }
        if (statementKind == Kind.SESSION && startsWith(head, headLength, SANDBOX)) {
            lineCommand = true;
        }
    }

    private void endLine() {
        boolean ends = statementKind == Kind.COMMENT || lineCommand || endsWithDelimiter();
        inStatement = !ends;
        lineCommand = false;
        classifying = true;
        headLength = 0;
        tailLength = 0;
    }

    private Kind classify() {
        int start = 0;
        while (start < headLength && (head[start] == ' ' || head[start] == '\t' || head[start] == '\r')) {
            start++;
        }
        byte[] line = Arrays.copyOfRange(head, start, headLength);
        if (line.length == 0 || line[0] == '\n' || startsWith(line, line.length, "--".getBytes(StandardCharsets.US_ASCII))) {
            return Kind.COMMENT;
        }
        if (delimiter.length == 1 && delimiter[0] == ';') {
            for (byte[] data : DATA_HEADS) {
                if (startsWith(line, line.length, data)) {
                    return Kind.DATA;
                }
            }
            for (byte[] lock : LOCK_HEADS) {
                if (startsWith(line, line.length, lock)) {
                    return Kind.LOCK;
                }
            }
        }
        if (startsWith(line, line.length, "SET ".getBytes(StandardCharsets.US_ASCII)) || isVersionedSet(line)
                || startsWith(line, line.length, SANDBOX)) {
            return Kind.SESSION;
        }
        return Kind.CONTROL;
    }

    /** {@code /*!40101 SET ...}: a SET that mariadb-dump guards with a server version. */
    private static boolean isVersionedSet(byte[] line) {
        if (line.length < 13 || line[0] != '/' || line[1] != '*' || line[2] != '!') {
            return false;
        }
        int i = 3;
        while (i < line.length && Character.isDigit(line[i])) {
            i++;
        }
        return i > 3 && startsWith(Arrays.copyOfRange(line, i, line.length), line.length - i,
                " SET ".getBytes(StandardCharsets.US_ASCII));
    }

    private void remember(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            if (tailLength == tail.length) {
                System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                tailLength--;
            }
            tail[tailLength++] = b;
        }
    }

    private boolean endsWithDelimiter() {
        if (tailLength < delimiter.length) {
            return false;
        }
        for (int i = 0; i < delimiter.length; i++) {
            if (tail[tailLength - delimiter.length + i] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] buffer, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[][] heads(String... heads) {
        return Arrays.stream(heads).map(h -> h.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }
}
