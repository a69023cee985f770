package cn.hbce.devserver.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One request and its answer on a {@link LoopbackHttpServer} connection. */
final class LoopbackExchange extends HttpExchange {
    /** A request body left unread past this is not drained: the connection closes instead (the JDK server's amount). */
    private static final long DRAIN_LIMIT = 64 * 1024;
    private final RequestHead head;
    private final OutputStream connection;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream requestBody;
    private OutputStream responseBody;
    private int responseCode = -1;
    private boolean keepAlive;

    LoopbackExchange(RequestHead head, InputStream in, OutputStream connection, InetSocketAddress remote,
                     InetSocketAddress local) throws IOException {
        this.head = head;
        this.connection = connection;
        this.remote = remote;
        this.local = local;
        long length = head.contentLength();
        this.requestBody = length < 0 ? new ChunkedBody(in) : new FixedLengthBody(in, length);
        this.keepAlive = head.keepAlive();
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return head.uri();
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("A loopback server has no contexts");
    }

    @Override
    public void close() {
        try {
            if (responseBody != null) {
                responseBody.close();
            }
        } catch (IOException e) {
            keepAlive = false;
        }
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        if (responseBody == null) {
            throw new IllegalStateException("sendResponseHeaders first");
        }
        return responseBody;
    }

    /**
     * As the JDK server: {@code length} > 0 sends that many bytes, 0 a chunked body of any length
     * and -1 no body. A HEAD answer, a 204 and a 304 never carry a body; a HEAD answer keeps a
     * Content-Length the handler set (the length a GET would have).
     */
    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (responseCode != -1) {
            throw new IOException("Headers already sent");
        }
        responseCode = code;
        boolean head = this.head.method().equalsIgnoreCase("HEAD");
        boolean noBody = head || code == 204 || code == 304 || length == -1;
        responseHeaders.remove("Transfer-Encoding");
        if (!head) {
            responseHeaders.remove("Content-Length");
        }
        if (!noBody && length == 0) {
            responseHeaders.set("Transfer-Encoding", "chunked");
        } else if (!head && code != 204 && code != 304) {
            responseHeaders.set("Content-Length", Long.toString(noBody ? 0 : length));
        }
        String connectionHeader = responseHeaders.getFirst("Connection");
        if (connectionHeader != null && connectionHeader.equalsIgnoreCase("close")) {
            keepAlive = false;
        }
        if (!keepAlive) {
            responseHeaders.set("Connection", "close");
        }
        StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(code).append(' ').append(reason(code))
                .append("\r\nDate: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            for (String value : header.getValue()) {
                text.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        connection.write(ascii(text.append("\r\n").toString()));
        responseBody = noBody ? new FixedLengthBody.Out(connection, 0)
                : length == 0 ? new ChunkedBody.Out(connection) : new FixedLengthBody.Out(connection, length);
        if (noBody) {
            connection.flush();
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return head.protocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        if (in != null) {
            requestBody = in;
        }
        if (out != null) {
            responseBody = out;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /**
     * Ends the exchange once its handler returned: the answer complete and flushed, the request body
     * drained. True when the connection can carry the next request.
     */
    boolean finish() throws IOException {
        if (responseCode == -1) {
            // The handler gave no answer: as the JDK server, the connection ends without one.
            return false;
        }
        close();
        if (responseBody instanceof ResponseBody body && !body.complete()) {
            return false;
        }
        connection.flush();
        return keepAlive && requestBody instanceof Drains body && body.drain(DRAIN_LIMIT);
    }

    /** A bare refusal of a request that never reached a handler; the connection closes after it. */
    static void refuse(OutputStream out, int status) throws IOException {
        out.write(ascii("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        out.flush();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int code) {
        return switch (code) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Range Not Satisfiable";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }

    /** A request body that can be read to its end for the connection to carry another request. */
    interface Drains {
        /** Reads what is left, if at most {@code limit} bytes: true when the body was read to its end. */
        boolean drain(long limit) throws IOException;
    }
}
