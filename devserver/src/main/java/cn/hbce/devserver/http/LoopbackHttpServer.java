package cn.hbce.devserver.http;

import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP/1.1 server for loopback with one thread per connection: the thread that reads a request
 * runs its handler and writes the answer, and then blocks reading the connection's next request.
 * The JDK's {@code com.sun.net.httpserver.HttpServer} instead reads on a selector thread and hands
 * each exchange to an executor, so a request wakes two threads before its handler runs and one more
 * to take the connection back. The devserver's gateway and IAM gates sit on every request's path
 * (a warm API call passes the gateway once and a gate twice), and on two cores those hand-offs were
 * most of what a route cost beyond its DynamoDB calls (docs/benchmarks.md). Handlers are the JDK's
 * {@link HttpHandler}s; an exchange keeps the JDK server's rules for its answer (see
 * {@link LoopbackExchange#sendResponseHeaders}).
 */
public final class LoopbackHttpServer implements AutoCloseable {
    /** A connection with no request for this long is closed (the JDK server's idle interval). */
    static final int IDLE_MILLIS = 30_000;
    private final ServerSocket listener;
    private volatile HttpHandler handler;
    private final String threadName;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LoopbackHttpServer(ServerSocket listener, String threadName) {
        this.listener = listener;
        this.threadName = threadName;
    }

    /** Listens on {@code address} ({@code port} 0: any free one); requests wait until {@link #start}. */
    public static LoopbackHttpServer bind(InetAddress address, int port, String threadName) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(address, port), 256);
        return new LoopbackHttpServer(listener, threadName);
    }

    /** Serves every request with {@code handler}, from now on. */
    public void start(HttpHandler handler) {
        if (this.handler != null) {
            throw new IllegalStateException("Already started");
        }
        this.handler = handler;
        Thread accepting = new Thread(this::accept, threadName + "-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        open.forEach(LoopbackHttpServer::closeQuietly);
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(socket);
            if (closed) {
                closeQuietly(socket);
                return;
            }
            Thread connection = new Thread(() -> serve(socket), threadName);
            connection.setDaemon(true);
            connection.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed) {
                RequestHead head;
                try {
                    head = RequestHead.read(in);
                } catch (RequestHead.Malformed bad) {
                    LoopbackExchange.refuse(out, bad.status());
                    return;
                }
                if (head == null) {
                    return;
                }
                if (head.expectsContinue()) {
                    out.write(LoopbackExchange.ascii("HTTP/1.1 100 Continue\r\n\r\n"));
                    out.flush();
                }
                LoopbackExchange exchange = new LoopbackExchange(head, in, out,
                        (InetSocketAddress) socket.getRemoteSocketAddress(), (InetSocketAddress) socket.getLocalSocketAddress());
                try {
                    handler.handle(exchange);
                } catch (RuntimeException failure) {
                    failure.printStackTrace();
                }
                if (!exchange.finish()) {
                    return;
                }
            }
        } catch (SocketTimeoutException | SocketException idleOrGone) {
            // The client went away or stayed idle: the connection ends.
        } catch (IOException e) {
            // A broken connection ends only itself.
        } finally {
            open.remove(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }
}
