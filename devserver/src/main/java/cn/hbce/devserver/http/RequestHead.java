package cn.hbce.devserver.http;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A request's line and headers, as read from the connection; the body stays in the stream. */
record RequestHead(String method, URI uri, String protocol, Headers headers) {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    /** Thrown for a request the server refuses before any handler sees it. */
    static final class Malformed extends IOException {
        private final int status;

        Malformed(int status, String why) {
            super(why);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** The next request's head, or null when the client closed the connection between requests. */
    static RequestHead read(InputStream in) throws IOException {
        String line = line(in);
        while (line != null && line.isEmpty()) {
            line = line(in); // RFC 9112 2.2: empty lines before a request line are ignored.
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new Malformed(400, "Bad request line");
        }
        URI uri;
        try {
            uri = new URI(parts[1]);
        } catch (URISyntaxException e) {
            throw new Malformed(400, "Bad request target");
        }
        Headers headers = new Headers();
        for (int count = 0; ; count++) {
            String header = line(in);
            if (header == null) {
                throw new Malformed(400, "Connection closed in the headers");
            }
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (colon <= 0 || count >= MAX_HEADERS) {
                throw new Malformed(count >= MAX_HEADERS ? 431 : 400, "Bad header");
            }
            headers.add(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        return new RequestHead(parts[0], uri, parts[2], headers);
    }

    boolean chunked() {
        String encoding = headers.getFirst("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The declared body length (0 when there is none), or -1 for a chunked body. */
    long contentLength() throws Malformed {
        if (chunked()) {
            return -1;
        }
        String length = headers.getFirst("Content-Length");
        if (length == null) {
            return 0;
        }
        try {
            long value = Long.parseLong(length.strip());
            if (value < 0) {
                throw new Malformed(400, "Negative Content-Length");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Malformed(400, "Bad Content-Length");
        }
    }

    boolean expectsContinue() {
        String expect = headers.getFirst("Expect");
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }

    /** Whether the client asked to keep the connection after this exchange (HTTP/1.1's default). */
    boolean keepAlive() {
        String connection = headers.getFirst("Connection");
        String value = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        return protocol.equals("HTTP/1.0") ? value.contains("keep-alive") : !value.contains("close");
    }

    /** One CRLF- (or LF-) ended line in ISO-8859-1, or null at the end of the stream before any byte. */
    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new Malformed(431, "Line too long");
            }
            line.append((char) b);
        }
        if (line.length() == 0) {
            return null;
        }
        throw new Malformed(400, "Connection closed in a line");
    }
}
