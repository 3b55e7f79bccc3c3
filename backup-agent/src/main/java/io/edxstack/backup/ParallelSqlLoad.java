package io.edxstack.backup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a mariadb-dump over several client sessions at once. A single session leaves the server parsing and
 * inserting on one core while the rest of the machine waits; rows are independent of one another once their table
 * exists, so each INSERT statement goes to the least busy session. Everything else keeps the dump's order: session
 * settings reach every session, DDL and routines run on the first session only after every row sent before them
 * has been executed, and rows of a table are sent only after its DDL has been executed. Table locks are dropped:
 * they would serialise the sessions, and nobody reads the staging database being loaded. Memory stays bounded at
 * sessions x (queue depth + 1) chunks.
 */
final class ParallelSqlLoad implements LoadTarget, DumpStatementSplitter.Listener {
    private static final int CHUNK = 256 * 1024;
    private static final int QUEUE_DEPTH = 4;

    private final ToolInvocation tool;
    private final int sessionCount;
    private final List<SqlSession> sessions = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final DumpStatementSplitter splitter = new DumpStatementSplitter(this);
    private final boolean[] dataSinceSync;
    /** The sessions the current statement goes to: none (dropped), one, or all. */
    private List<Pending> current = List.of();
    private boolean dataPhase;
    private int nextSession;

    ParallelSqlLoad(ToolInvocation tool, int sessions) {
        if (sessions < 2) {
            throw new IllegalArgumentException("a parallel load needs at least 2 sessions");
        }
        this.tool = tool;
        this.sessionCount = sessions;
        this.dataSinceSync = new boolean[sessions];
    }

    @Override
    public void start() {
        for (int i = 0; i < sessionCount; i++) {
            sessions.add(new SqlSession(tool, tool.tool() + "#" + (i + 1), QUEUE_DEPTH));
            pending.add(new Pending(sessions.get(i)));
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        splitter.feed(buffer, offset, length);
    }

    @Override
    public void finish() {
        splitter.finish();
        for (Pending p : pending) {
            p.flush();
            p.session.endInput();
        }
        for (SqlSession session : sessions) {
            session.awaitSuccess();
        }
    }

    @Override
    public void abort() {
        sessions.forEach(SqlSession::kill);
    }

    @Override
    public void statementStart(DumpStatementSplitter.Kind kind) {
        switch (kind) {
            case COMMENT, LOCK -> current = List.of();
            case SESSION -> current = pending;
            case DATA -> {
                if (!dataPhase) {
                    // The table's DDL ran on the first session; other sessions may insert only once it has.
                    pending.get(0).flush();
                    sessions.get(0).sync();
                    dataPhase = true;
                }
                // A statement's bytes are sent as they come: finish the previous one's chunk before switching.
                pending.forEach(Pending::flush);
                int target = leastBusy();
                dataSinceSync[target] = true;
                current = List.of(pending.get(target));
            }
            case CONTROL -> {
                if (dataPhase) {
                    for (int i = 0; i < sessionCount; i++) {
                        pending.get(i).flush();
                        if (dataSinceSync[i]) {
                            sessions.get(i).sync();
                            dataSinceSync[i] = false;
                        }
                    }
                    dataPhase = false;
                }
                current = List.of(pending.get(0));
            }
        }
    }

    @Override
    public void bytes(byte[] buffer, int offset, int length) {
        for (Pending p : current) {
            p.append(buffer, offset, length);
        }
    }

    /** The session with the smallest backlog, round-robin among equals so that idle sessions take turns. */
    private int leastBusy() {
        int best = -1;
        long bestBacklog = Long.MAX_VALUE;
        for (int k = 0; k < sessionCount; k++) {
            int i = (nextSession + k) % sessionCount;
            long backlog = pending.get(i).session.backlog();
            if (backlog < bestBacklog) {
                best = i;
                bestBacklog = backlog;
            }
        }
        nextSession = (best + 1) % sessionCount;
        return best;
    }

    @Override
    public String toString() {
        return sessionCount + " sessions of " + tool;
    }

    /** The chunk being filled for one session. */
    private static final class Pending {
        private final SqlSession session;
        private byte[] chunk = new byte[CHUNK];
        private int length;

        Pending(SqlSession session) {
            this.session = session;
        }

        void append(byte[] buffer, int offset, int count) {
            while (count > 0) {
                int take = Math.min(count, chunk.length - length);
                System.arraycopy(buffer, offset, chunk, length, take);
                length += take;
                offset += take;
                count -= take;
                if (length == chunk.length) {
                    flush();
                }
            }
        }

        void flush() {
            if (length == 0) {
                return;
            }
            if (length == chunk.length) {
                session.send(chunk);
                chunk = new byte[CHUNK];
            } else {
                session.send(Arrays.copyOf(chunk, length));
            }
            length = 0;
        }
    }
}
