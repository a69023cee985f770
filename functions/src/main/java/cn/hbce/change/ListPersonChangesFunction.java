package cn.hbce.change;

import cn.hbce.AppContext;
import cn.hbce.common.files.AttachedFile;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** GET /v1/me/changes: the professional's own requests with status and the decider's comment. */
public final class ListPersonChangesFunction extends ApiFunction {
    private final PersonChangeService changes;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(String reviewId, ChangeStatus status, List<FieldChange> changes, String reason, List<FileView> files,
                Instant submittedAt, Instant decidedAt, String comment) {
        static View of(PersonChange c) {
            return new View(c.reviewId(), c.status(), c.changes(), c.reason(), c.files().stream().map(FileView::of).toList(),
                    c.submittedAt(), c.decidedAt(), c.comment());
        }
    }

    record FileView(String fileId, String fileName, String contentType, long size, String downloadUrl) {
        static FileView of(AttachedFile f) {
            return new FileView(f.fileId(), f.fileName(), f.contentType(), f.size(), f.downloadUrl());
        }
    }

    public ListPersonChangesFunction() {
        this(AppContext.get().personChanges());
    }

    public ListPersonChangesFunction(PersonChangeService changes) {
        this.changes = changes;
    }

    @Override
    protected Access access() {
        return Access.signedIn();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        var page = changes.mine(request.caller(), request.page());
        return ApiResponse.ok(page.withItems(page.items().stream().map(View::of).toList()));
    }
}
