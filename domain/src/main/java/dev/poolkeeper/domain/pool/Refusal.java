package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.shared.ErrorCode;

/** Why a membership policy refused a number. */
record Refusal(ErrorCode code, String message) {
}
