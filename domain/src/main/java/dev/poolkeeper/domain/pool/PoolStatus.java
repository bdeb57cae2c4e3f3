package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.shared.WireName;

public enum PoolStatus implements WireName {
    ACTIVE, DELETING
}
