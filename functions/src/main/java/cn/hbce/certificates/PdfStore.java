package cn.hbce.certificates;

import java.time.Duration;
import java.time.Instant;

/** Where certificate PDFs are kept and how a browser fetches one (a short-lived signed link). */
public interface PdfStore {

    /** Whether the PDF was drawn and stored already. */
    boolean exists(String key);

    void put(String key, byte[] pdf);

    Link presignedGet(String key, String downloadName, Duration validFor);

    record Link(String url, Instant expiresAt) {
    }
}
