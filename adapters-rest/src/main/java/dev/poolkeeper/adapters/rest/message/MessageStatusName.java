package dev.poolkeeper.adapters.rest.message;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message's status as the API document lists it; the OpenAPI test holds it equal to the domain's. */
@Schema(name = "MessageStatus", description = "where a message is; docs/api.md describes the lifecycle")
@SuppressWarnings("java:S115")
enum MessageStatusName {
    queued, scheduled, sending, sent, delivered, undelivered, failed, rejected, expired, canceled, unknown
}
