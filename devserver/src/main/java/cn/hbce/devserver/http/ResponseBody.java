package cn.hbce.devserver.http;

import java.io.IOException;
import java.io.OutputStream;

/** An answer's body, written into the connection's buffer; closing it flushes the answer out. */
abstract class ResponseBody extends OutputStream {
    protected final OutputStream out;
    private boolean closed;

    ResponseBody(OutputStream out) {
        this.out = out;
    }

    /** Writes bytes of the body while it is open. */
    protected abstract void writeBody(byte[] bytes, int offset, int length) throws IOException;

    /** Ends the body on the wire (the last chunk, say); nothing by default. */
    protected void end() throws IOException {
    }

    /** Whether the handler wrote the whole body it declared. */
    abstract boolean complete();

    protected boolean closed() {
        return closed;
    }

    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("Response body closed");
        }
        writeBody(bytes, offset, length);
    }

    @Override
    public final void flush() throws IOException {
        out.flush();
    }

    @Override
    public final void close() throws IOException {
        if (!closed) {
            closed = true;
            end();
            out.flush();
        }
    }
}
