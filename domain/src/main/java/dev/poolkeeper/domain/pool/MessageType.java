package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.shared.WireName;

/** Fixed when the pool is created, as AWS fixes a pool's MessageType. */
public enum MessageType implements WireName {
    TRANSACTIONAL, PROMOTIONAL
}
