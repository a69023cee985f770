package cn.hbce.files;

import cn.hbce.common.domain.Actor;

/**
 * Whether a caller may see the thing (of one owner kind) that a file is attached to; the download
 * route issues a URL only when it says yes, and answers 404 otherwise, exactly as for a file that
 * does not exist.
 *
 * <p>Each feature that attaches files registers one for its owner kind in
 * {@code cn.hbce.AppContext#attachmentVisibilities()}: one line such as
 * <pre>{@code "PLAN", (actor, ownerId) -> plans().canSee(actor, ownerId),}</pre>
 * The lambda calls the feature's service only when a download of such a file is asked for, so the
 * download function builds no other feature's wiring. A kind without a registration is never
 * downloadable (404), which is the safe default.
 */
@FunctionalInterface
public interface AttachmentVisibility {

    /** True only if {@code actor} may see the owner {@code ownerId}; must not throw for unknown ids (answer false). */
    boolean canSee(Actor actor, String ownerId);
}
