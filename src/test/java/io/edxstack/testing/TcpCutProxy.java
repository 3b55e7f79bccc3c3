package io.edxstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a server that the test can cut: once {@link #cutAfter} bytes went upstream it closes
 * every connection and stops listening, as an S3 service that goes away mid-upload. The shared Ceph keeps running.
 */
public final class TcpCutProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong upstreamBytes = new AtomicLong();
    private volatile long cutAfter = Long.MAX_VALUE;
    private volatile boolean cut;

    public TcpCutProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cut-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Cuts everything once this many bytes in total have been relayed towards the server. */
    public void cutAfter(long bytes) {
        this.cutAfter = bytes;
    }

    public boolean wasCut() {
        return cut;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(server);
                relay(client, server, true);
                relay(server, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean upstream) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    if (upstream && upstreamBytes.addAndGet(n) >= cutAfter) {
                        cutAll();
                        return;
                    }
                }
            } catch (IOException e) {
                // One side closed or the proxy was cut: the relay ends.
            }
        }, "cut-proxy-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void cutAll() {
        cut = true;
        close();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
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
