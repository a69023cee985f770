package cn.hbce.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps role permissions for a short while per container. The TTL bounds how long a revoked
 * permission keeps working (the baseline allows 60 s).
 */
public final class CachedRoleRepository implements RoleRepository {
    public static final Duration TTL = Duration.ofSeconds(30);
    private final RoleRepository source;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Optional<Set<String>> permissions, Instant loadedAt) {
    }

    public CachedRoleRepository(RoleRepository source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @Override
    public Optional<Set<String>> permissions(String orgId, String roleId) {
        Instant now = clock.instant();
        String key = orgId + "/" + roleId;
        Entry entry = cache.get(key);
        if (entry == null || entry.loadedAt().plus(TTL).isBefore(now)) {
            entry = new Entry(source.permissions(orgId, roleId), now);
            cache.put(key, entry);
        }
        return entry.permissions();
    }
}
