package io.edxstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a server that the test can break, once a number of bytes went upstream:
 * <ul>
 *   <li>{@link #cutAfter}: it closes every connection and stops listening, as an S3 service that goes away
 *       mid-upload (new connections are refused until {@link #reopen()});</li>
 *   <li>{@link #stallAfter}: the connections open at that moment stop relaying in both directions but stay open,
 *       as a stuck route or a dead NAT entry (the client's writes block once the socket buffers are full and no
 *       answer ever comes); connections opened later are relayed normally, or, with {@link #holdNewConnections},
 *       accepted and never relayed either until {@link #resume()}.</li>
 * </ul>
 * The shared Ceph keeps running.
 */
public final class TcpCutProxy implements AutoCloseable {
    private final int upstreamPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Socket> stalledSockets = new CopyOnWriteArrayList<>();
    private final AtomicLong upstreamBytes = new AtomicLong();
    private volatile ServerSocket listener;
    private volatile long cutAfter = Long.MAX_VALUE;
    private volatile long stallAfter = Long.MAX_VALUE;
    private volatile boolean cut;
    private volatile boolean stalled;
    private volatile boolean holdNew;
    /** Connections accepted before the stall belong to this generation and stop relaying with it. */
    private volatile int generation;

    public TcpCutProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    public int port() {
        return port;
    }

    /** Cuts everything once this many bytes in total have been relayed towards the server. */
    public void cutAfter(long bytes) {
        this.cutAfter = bytes;
    }

    /** Stalls the connections open once this many bytes in total have been relayed towards the server. */
    public void stallAfter(long bytes) {
        this.stallAfter = bytes;
    }

    /** While stalled, new connections are accepted but not relayed either: the whole service hangs. */
    public void holdNewConnections() {
        this.holdNew = true;
    }

    /** Relays new connections again; the stalled ones stay stuck. */
    public void resume() {
        this.holdNew = false;
    }

    public boolean wasCut() {
        return cut;
    }

    public boolean wasStalled() {
        return stalled;
    }

    /** After a cut, listens again on the same port: the service is back. */
    public synchronized void reopen() throws IOException {
        ServerSocket reopened = new ServerSocket();
        reopened.setReuseAddress(true);
        reopened.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = reopened;
        cutAfter = Long.MAX_VALUE;
        startAccepting(reopened);
    }

    private void startAccepting(ServerSocket socket) {
        Thread acceptor = new Thread(() -> accept(socket), "cut-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (stalled && holdNew) {
                    stalledSockets.add(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(server);
                int born = generation;
                relay(client, server, true, born);
                relay(server, client, false, born);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean upstream, int born) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (stalled && born < generation) {
                        holdForever(from, to);
                        return;
                    }
                    out.write(buffer, 0, n);
                    if (upstream) {
                        long total = upstreamBytes.addAndGet(n);
                        if (total >= cutAfter) {
                            cutAll();
                            return;
                        }
                        if (total >= stallAfter && !stalled) {
                            stallAll();
                        }
                    }
                }
            } catch (IOException e) {
                // One side closed or the proxy was cut: the relay ends.
            }
        }, "cut-proxy-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads nothing more and answers nothing: the sockets stay open until the proxy is closed. */
    private void holdForever(Socket from, Socket to) {
        stalledSockets.add(from);
        stalledSockets.add(to);
        while (!from.isClosed()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void stallAll() {
        stalled = true;
        generation++;
    }

    private synchronized void cutAll() {
        cut = true;
        closeAll();
    }

    @Override
    public void close() {
        closeAll();
    }

    private void closeAll() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket socket : stalledSockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}
