package cn.hbce.testing.fakes;

import cn.hbce.files.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket in memory. Presigned URLs are fake ({@code mem://put/<key>?...}); a test plays the
 * browser with {@link #upload}, which stores what a PUT would (the bytes and the content type sent).
 */
public final class InMemoryObjectStore implements ObjectStore {
    /** An object: its bytes and content type. */
    public record Stored(byte[] bytes, String contentType) {
    }

    private final Map<String, Stored> objects = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryObjectStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Upload presignPut(String key, String contentType, long size, Duration validFor) {
        return new Upload("mem://put/" + key, Map.of("Content-Type", contentType, "Content-Length", Long.toString(size)),
                clock.instant().plus(validFor));
    }

    @Override
    public Download presignGet(String key, String contentDisposition, String contentType, Duration validFor) {
        return new Download("mem://get/" + key + "?disposition=" + contentDisposition, clock.instant().plus(validFor));
    }

    @Override
    public synchronized Optional<Head> head(String key) {
        return Optional.ofNullable(objects.get(key)).map(o -> new Head(o.bytes().length, o.contentType(), null));
    }

    @Override
    public synchronized byte[] firstBytes(String key, int count) {
        byte[] all = objects.get(key).bytes();
        return Arrays.copyOf(all, Math.min(count, all.length));
    }

    @Override
    public synchronized void copy(String fromKey, String toKey) {
        objects.put(toKey, objects.get(fromKey));
    }

    @Override
    public synchronized void delete(String key, String versionId) {
        objects.remove(key);
    }

    /** The browser's PUT: stores the bytes under the key of an upload URL. */
    public synchronized void upload(String url, byte[] bytes, String contentType) {
        objects.put(url.substring("mem://put/".length()), new Stored(bytes, contentType));
    }

    public synchronized Optional<Stored> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    public synchronized List<String> keys() {
        return List.copyOf(objects.keySet());
    }
}
