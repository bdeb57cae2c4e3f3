package dev.poolkeeper.adapters.rest.message;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message's priority as the API document lists it; the OpenAPI test holds it equal to the domain's. */
@Schema(name = "MessagePriority", description = "high (one-time codes) overtakes normal traffic of the same pool")
@SuppressWarnings("java:S115")
enum PriorityName {
    high, normal
}
