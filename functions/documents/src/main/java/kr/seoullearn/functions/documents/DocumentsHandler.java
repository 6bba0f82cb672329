package kr.seoullearn.functions.documents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.http.IdempotencyKey;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.registration.domain.Document;

/**
 * Verification documents (docs/product.md, Documents):
 * {@code POST /api/registration/documents} issues a presigned upload URL,
 * {@code POST /api/registration/documents/{documentId}/finalise} checks what arrived, and
 * {@code POST /api/review/applications/{userId}/documents/{documentId}/read-url} gives a
 * reviewer an audited, short-lived read URL. The rules are in {@link DocumentService}.
 */
public class DocumentsHandler extends ApiFunction {
    private final DocumentService documents;

    public DocumentsHandler() {
        this(Beans.get(DocumentService.class));
    }

    public DocumentsHandler(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "POST /api/registration/documents", this::startUpload,
                "POST /api/registration/documents/{documentId}/finalise", this::finalise,
                "POST /api/review/applications/{userId}/documents/{documentId}/read-url", this::readUrl);
    }

    private APIGatewayV2HTTPResponse startUpload(ApiRequest request) {
        Caller caller = request.caller();
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        DocumentService.UploadTicket ticket = documents.startUpload(caller, request.jsonObject(), key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", ticket.document().documentId());
        body.put("status", ticket.document().status().name());
        if (ticket.url() != null) {
            body.put("uploadUrl", ticket.url().url().toString());
            body.put("method", "PUT");
            body.put("headers", ticket.url().headers());
            body.put("expiresAt", ticket.url().expiresAt().toString());
        }
        return ApiResponses.json(201, body);
    }

    private APIGatewayV2HTTPResponse finalise(ApiRequest request) {
        Caller caller = request.caller();
        Document document = documents.finalise(caller, request.pathParameter("documentId").orElse(null));
        return ApiResponses.json(200, view(document));
    }

    private APIGatewayV2HTTPResponse readUrl(ApiRequest request) {
        Caller caller = request.caller();
        DocumentService.ReadTicket ticket = documents.readUrl(caller,
                request.pathParameter("userId").orElse(null), request.pathParameter("documentId").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", ticket.url().url().toString());
        body.put("expiresAt", ticket.url().expiresAt().toString());
        return ApiResponses.json(200, body);
    }

    static Map<String, Object> view(Document document) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", document.documentId());
        body.put("kind", document.kind().name());
        body.put("contentType", document.contentType().mediaType());
        body.put("status", document.status().name());
        if (document.size() != null) {
            body.put("size", document.size());
        }
        return body;
    }
}
