package cn.hbce.emulator.common;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * The request and response halves that every local AWS JSON-protocol service (Step Functions,
 * Secrets Manager) shares: read the whole body, and answer with the protocol's content type and a
 * fresh {@code x-amzn-RequestId}, as the SDKs expect.
 */
public final class JsonProtocolExchange {

    private JsonProtocolExchange() {
    }

    public static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    public static void answer(HttpExchange exchange, int status, byte[] json, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
