package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.shared.WireName;

/** Why a sender was chosen (api.md "Choosing a sender and sending"). */
public enum Reason implements WireName {
    STICKY, GEOMATCH_AREA_CODE, LOCALIZED_COUNTRY, WEIGHTED, FALLBACK_POOL, FALLBACK_CUSTOM_FROM,
    /** An automatic answer to an inbound keyword, sent from the number the keyword came in on. */
    KEYWORD_REPLY
}
