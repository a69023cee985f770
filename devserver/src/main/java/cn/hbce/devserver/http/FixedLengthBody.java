package cn.hbce.devserver.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A body of a declared Content-Length: reads end there, writes past it fail. */
final class FixedLengthBody extends InputStream implements LoopbackExchange.Drains {
    private final InputStream in;
    private long remaining;

    FixedLengthBody(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int b = in.read();
        if (b == -1) {
            throw new IOException("Connection closed in the request body");
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n == -1) {
            throw new IOException("Connection closed in the request body");
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    @Override
    public void close() {
        // The connection stays open; what is left is drained after the exchange.
    }

    @Override
    public boolean drain(long limit) throws IOException {
        if (remaining > limit) {
            return false;
        }
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped > 0) {
                remaining -= skipped;
            } else {
                read();
            }
        }
        return true;
    }

    /** A response body of a declared length. */
    static final class Out extends ResponseBody {
        private long remaining;

        Out(OutputStream out, long length) {
            super(out);
            this.remaining = length;
        }

        @Override
        protected void writeBody(byte[] bytes, int offset, int length) throws IOException {
            if (length > remaining) {
                throw new IOException("More than the declared Content-Length");
            }
            out.write(bytes, offset, length);
            remaining -= length;
        }

        @Override
        boolean complete() {
            return remaining == 0;
        }
    }
}
