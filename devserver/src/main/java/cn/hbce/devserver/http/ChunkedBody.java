package cn.hbce.devserver.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A body in HTTP/1.1's chunked transfer coding (RFC 9112 7.1). */
final class ChunkedBody extends InputStream implements LoopbackExchange.Drains {
    private final InputStream in;
    private long chunkLeft;
    private boolean ended;

    ChunkedBody(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!nextChunk()) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, chunkLeft));
        if (n == -1) {
            throw new IOException("Connection closed in a chunk");
        }
        chunkLeft -= n;
        if (chunkLeft == 0) {
            expectLineEnd();
        }
        return n;
    }

    /** True when bytes of a chunk are ready; false at the end of the body (its trailers read). */
    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        if (chunkLeft > 0) {
            return true;
        }
        String size = RequestHead.line(in);
        if (size == null) {
            throw new IOException("Connection closed before a chunk");
        }
        int extension = size.indexOf(';');
        try {
            chunkLeft = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("Bad chunk size");
        }
        if (chunkLeft < 0) {
            throw new IOException("Bad chunk size");
        }
        if (chunkLeft == 0) {
            String trailer;
            do {
                trailer = RequestHead.line(in);
            } while (trailer != null && !trailer.isEmpty());
            ended = true;
            return false;
        }
        return true;
    }

    private void expectLineEnd() throws IOException {
        String end = RequestHead.line(in);
        if (end == null || !end.isEmpty()) {
            throw new IOException("A chunk not followed by CRLF");
        }
    }

    @Override
    public void close() {
        // The connection stays open; what is left is drained after the exchange.
    }

    @Override
    public boolean drain(long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = read(buffer, 0, buffer.length)) != -1) {
            read += n;
            if (read > limit) {
                return false;
            }
        }
        return true;
    }

    /** A response body sent in chunks, one per write; closing sends the last chunk. */
    static final class Out extends ResponseBody {
        Out(OutputStream out) {
            super(out);
        }

        @Override
        protected void writeBody(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            out.write(LoopbackExchange.ascii(Integer.toHexString(length) + "\r\n"));
            out.write(bytes, offset, length);
            out.write(LoopbackExchange.ascii("\r\n"));
        }

        @Override
        protected void end() throws IOException {
            out.write(LoopbackExchange.ascii("0\r\n\r\n"));
        }

        @Override
        boolean complete() {
            return closed();
        }
    }
}
