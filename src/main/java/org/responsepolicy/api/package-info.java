/**
 * The REST API described in {@code api-spec/openapi.yaml}. Entry point:
 * {@link org.responsepolicy.api.ApiApplication#resourceConfig}. Every error leaves as
 * {@code application/problem+json} with a stable {@code type}.
 */
package org.responsepolicy.api;
