package org.responsepolicy.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over the limit with 413 before reading them: by Content-Length when it is sent, and by
 * counting while reading when the body is chunked.
 */
@PreMatching
@Priority(Priorities.ENTITY_CODER)
final class BodySizeLimit implements ContainerRequestFilter {

    /** One mention: 20,000 characters of text fit many times over. */
    static final long SINGLE_LIMIT = 1024 * 1024;
    /** A batch of up to 1,000 mentions, or a zipped rules folder. */
    static final long BATCH_LIMIT = 16L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long limit = path.endsWith("evaluate-batch") || path.endsWith("rules/validate") || path.endsWith("rules/replay") ? BATCH_LIMIT : SINGLE_LIMIT;
        String declared = request.getHeaderString("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw new ApiException(400, "invalid_content_length", "Invalid Content-Length",
                        "The Content-Length header is not a number.");
            }
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "payload_too_large", "Payload too large",
                "The request body is larger than " + (limit / 1024 / 1024) + " MiB. Send fewer or shorter mentions.");
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
