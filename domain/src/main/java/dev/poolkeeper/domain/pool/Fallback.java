package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.shared.WireName;

/** What selection does when geomatch or localized sender was asked for and nothing matched. */
public enum Fallback implements WireName {
    POOL, CUSTOM_FROM, REJECT
}
