package cn.hbce.emulator.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port helpers for services bound to the IPv4 loopback interface. */
public final class LoopbackPorts {

    public static final String LOOPBACK_HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /**
     * Returns a port that was free a moment ago. Another process may still take it before the
     * caller binds it, so callers that start a child process must detect a failed bind themselves.
     */
    public static int findFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(loopback(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }

    /** Whether nothing listens on {@code port} of the loopback interface right now. */
    public static boolean isFree(int port) {
        requireValid(port);
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Throws unless {@code port} is 0 (meaning "any free port") or a valid TCP port. */
    public static void requireValid(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port must be 0 (any free port) or 1-65535, got " + port);
        }
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByName(LOOPBACK_HOST);
    }
}
