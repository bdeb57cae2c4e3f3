package dev.poolkeeper.adapters.providers.sandbox;

import dev.poolkeeper.adapters.providers.VendorPort;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.ErrorCode;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends to nobody. Every send is accepted with an id {@code sbx-…}; what happens next depends on the
 * recipient's last four digits ({@link Script}): a receipt posted back through the sandbox webhook after
 * the receipt delay, none at all, an answer that is lost, or a reply from the recipient after the receipt.
 */
@Singleton
final class SandboxSms extends VendorPort implements SmsPort {
    /** What the sandbox does for a recipient, chosen by the last four digits of its number. */
    enum Script {
        DELIVERED(null, "delivered", null),
        FAILED("0001", "failed", null),
        UNDELIVERED("0002", "undelivered", null),
        NO_RECEIPT("0003", null, null),
        LOST_ANSWER("0004", "delivered", null),
        REPLIES_STOP("0005", "delivered", "STOP"),
        REPLIES_START("0006", "delivered", "START"),
        REPLIES_TEXT("0007", "delivered", "Thanks, see you then"),
        REPLIES_HELP("0008", "delivered", "HELP");

        final String suffix;
        final String receipt;
        final String reply;

        Script(String suffix, String receipt, String reply) {
            this.suffix = suffix;
            this.receipt = receipt;
            this.reply = reply;
        }

        static Script of(String e164) {
            for (Script s : values()) {
                if (s.suffix != null && e164.endsWith(s.suffix)) {
                    return s;
                }
            }
            return DELIVERED;
        }
    }

    private final SandboxNetwork network;

    SandboxSms(SandboxNetwork network) {
        super(Provider.SANDBOX, SandboxDialect.CAPABILITIES, network.enabled());
        this.network = network;
    }

    @Override
    public SendResult send(OutboundSms sms) {
        if (!configured()) {
            return SendResult.NotSent.notConfigured(provider().wireName());
        }
        String id = "sbx-" + UUID.randomUUID();
        Script script = Script.of(sms.to().e164());
        if (script.receipt != null) {
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("type", "receipt");
            receipt.put("message_id", id);
            receipt.put("status", script.receipt);
            receipt.put("from", sms.from());
            receipt.put("to", sms.to().e164());
            if (script == Script.FAILED || script == Script.UNDELIVERED) {
                receipt.put("error_code", script == Script.FAILED ? "sandbox-rejected" : "sandbox-unreachable");
            }
            network.callBack("delivery-receipts", receipt, network.delay());
        }
        // a recipient replies to the first message of each conversation only, so that an automatic answer to
        // its reply (a STOP confirmation, a HELP text) does not start an endless exchange
        if (script.reply != null && sms.from().startsWith("+") && network.firstExchange(sms.from(), sms.to().e164())) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("type", "inbound");
            reply.put("message_id", "sbx-in-" + UUID.randomUUID());
            reply.put("from", sms.to().e164());
            reply.put("to", sms.from());
            reply.put("text", script.reply);
            network.callBack("inbound", reply, network.delay().multipliedBy(2));
        }
        if (script == Script.LOST_ANSWER) {
            return new SendResult.Unknown(ErrorCode.PROVIDER_NO_ANSWER.code(),
                    "the sandbox accepted the message and dropped its answer");
        }
        return new SendResult.Accepted(id);
    }
}
