package cn.hbce.devserver.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loopback server as its clients see it on the wire: keep-alive, bodies by length and in
 * chunks, 100-continue, HEAD, a handler's chunked answer, and refusals of what it cannot read.
 */
class LoopbackHttpServerTest {
    private LoopbackHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.bind(InetAddress.getLoopbackAddress(), 0, "test-http");
        server.start(LoopbackHttpServerTest::echo);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers "METHOD PATH BODY"; /chunked answers in two chunks, /ignore-body without reading; HEAD with a GET's length. */
    private static void echo(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals("/ignore-body")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        byte[] out = (exchange.getRequestMethod() + " " + path + " " + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        if (path.equals("/chunked")) {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write("first,".getBytes(StandardCharsets.UTF_8));
                os.write("second".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", "42");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    @Test
    void aKeptAliveConnectionCarriesOneRequestAfterAnother() throws Exception {
        try (Socket socket = connect()) {
            for (int i = 0; i < 3; i++) {
                send(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
                Answer answer = Answer.read(socket.getInputStream());
                assertEquals(200, answer.status);
                assertEquals("POST /echo hello", answer.body);
            }
        }
    }

    @Test
    void aChunkedRequestBodyIsReadWholeAndTheConnectionGoesOn() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "PUT /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4;ext=1\r\nabcd\r\n3\r\nefg\r\n0\r\nX-Trailer: t\r\n\r\n");
            assertEquals("PUT /up abcdefg", Answer.read(socket.getInputStream()).body);
            send(socket, "GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("GET /next ", Answer.read(socket.getInputStream()).body);
        }
    }

    @Test
    void aClientThatExpects100ContinueGetsItBeforeSendingTheBody() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "PUT /big HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
            Answer interim = Answer.read(socket.getInputStream());
            assertEquals(100, interim.status);
            send(socket, "abc");
            assertEquals("PUT /big abc", Answer.read(socket.getInputStream()).body);
        }
    }

    @Test
    void aHeadAnswerHasNoBodyButKeepsTheLengthOfTheGet() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "HEAD /file HTTP/1.1\r\nHost: x\r\n\r\n");
            Answer head = Answer.read(socket.getInputStream(), true);
            assertEquals(200, head.status);
            assertTrue(head.headers.toLowerCase().contains("content-length: 42"), head.headers);
            assertEquals("", head.body);
            send(socket, "GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("GET /after ", Answer.read(socket.getInputStream()).body, "the connection is still in step");
        }
    }

    @Test
    void aHandlersChunkedAnswerReachesAStandardClient() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.address().getPort() + "/chunked")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("first,second", r.body());
    }

    @Test
    void aBodyTheHandlerLeftUnreadIsSkippedBeforeTheNextRequest() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /ignore-body HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nskip"
                    + "GET /then HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(204, Answer.read(socket.getInputStream(), true).status);
            assertEquals("GET /then ", Answer.read(socket.getInputStream()).body);
        }
    }

    @Test
    void aMalformedRequestLineIsRefusedWith400AndTheConnectionCloses() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /v1/x%zz HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = socket.getInputStream();
            Answer answer = Answer.read(in);
            assertEquals(400, answer.status);
            assertTrue(answer.statusLine.matches("HTTP/1\\.1 400 \\S.*"), answer.statusLine);
            assertEquals(-1, in.read(), "closed after the refusal");
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /once HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            InputStream in = socket.getInputStream();
            Answer answer = Answer.read(in);
            assertEquals("GET /once ", answer.body);
            assertTrue(answer.headers.toLowerCase().contains("connection: close"), answer.headers);
            assertEquals(-1, in.read());
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One answer read off the wire: status line, headers, and a body by Content-Length or in chunks. */
    private record Answer(String statusLine, int status, String headers, String body) {
        static Answer read(InputStream in) throws IOException {
            return read(in, false);
        }

        static Answer read(InputStream in, boolean noBody) throws IOException {
            String statusLine = RequestHead.line(in);
            StringBuilder headers = new StringBuilder();
            long length = 0;
            boolean chunked = false;
            for (String h = RequestHead.line(in); !h.isEmpty(); h = RequestHead.line(in)) {
                headers.append(h).append('\n');
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(h.indexOf(':') + 1).strip());
                }
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (!noBody && status != 100) {
                if (chunked) {
                    body.write(new ChunkedBody(in).readAllBytes());
                } else {
                    body.write(in.readNBytes((int) length));
                }
            }
            return new Answer(statusLine, status, headers.toString(), body.toString(StandardCharsets.UTF_8));
        }
    }
}
