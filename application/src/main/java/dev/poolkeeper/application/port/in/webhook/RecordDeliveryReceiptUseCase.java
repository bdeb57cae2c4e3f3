package dev.poolkeeper.application.port.in.webhook;

import dev.poolkeeper.domain.message.DeliveryReceipt;

/**
 * Applies a receipt to its message and to the sending number's health. A repeated receipt (providers
 * retry) changes nothing.
 */
public interface RecordDeliveryReceiptUseCase {
    enum Result {
        APPLIED, DUPLICATE, UNKNOWN_MESSAGE
    }

    Result recordDeliveryReceipt(DeliveryReceipt receipt);
}
