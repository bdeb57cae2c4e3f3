package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator the provider tests rely on catches what it is there to catch. */
class SpecValidatorTest {
    private final SpecValidator vonage = SpecValidator.vonageNumberPools();
    private final SpecValidator telnyx = SpecValidator.telnyx();

    @Test
    void aConformingVonageRequestPasses() {
        assertEquals(List.of(), vonage.violations("POST", "/v2/numberpools/accounts/abcd1234/pools/pool_x/numbers",
                "{\"numbers\":[\"14155550100\"]}"));
        assertEquals(List.of(), vonage.violations("GET",
                "/v2/numberpools/accounts/abcd1234/pools/pool_x/numbers?page=1&page_size=100", null));
    }

    @Test
    void aPlusInAVonageNumberAMissingFieldAWrongTypeAndAnUnknownPathAreCaught() {
        List<String> plus = vonage.violations("POST", "/v2/numberpools/accounts/abcd1234/pools/pool_x/numbers",
                "{\"numbers\":[\"+14155550100\"]}");
        assertTrue(plus.stream().anyMatch(v -> v.contains("body.numbers[0] must match")), plus.toString());
        List<String> create = vonage.violations("POST", "/v2/numberpools/accounts/abcd1234/pools",
                "{\"pool_id\":\"p\",\"fallback\":\"Sometimes\",\"localized_sender_preferred\":\"yes\"}");
        assertTrue(create.stream().anyMatch(v -> v.contains("predictable_sender_preferred is required")), create.toString());
        assertTrue(create.stream().anyMatch(v -> v.contains("fallback must be one of")), create.toString());
        assertTrue(create.stream().anyMatch(v -> v.contains("localized_sender_preferred must be boolean")),
                create.toString());
        assertTrue(!vonage.violations("PUT", "/v2/numberpools/accounts/abcd1234/pools/p", "{}").isEmpty());
        assertTrue(!vonage.violations("GET", "/v2/numberpools/accounts/ABC/pools", null).isEmpty(),
                "account_id is eight lower-case letters or digits");
    }

    @Test
    void aTelnyxSendWithoutToIsCaught() {
        assertEquals(List.of(), telnyx.violations("POST", "/v2/messages",
                "{\"from\":\"+14155550100\",\"to\":\"+12125550100\",\"text\":\"hi\"}"));
        assertTrue(telnyx.violations("POST", "/v2/messages", "{\"from\":\"+14155550100\",\"text\":\"hi\"}")
                .stream().anyMatch(v -> v.contains("body.to is required")));
    }

    @Test
    void anAwsClientTokenOver64CharactersAndAnUnknownOperationAreCaught() {
        SpecValidator aws = SpecValidator.pinpoint();
        String pool = "pool-" + "a".repeat(32);
        String phone = "phone-" + "b".repeat(32);
        assertEquals(List.of(), aws.awsViolations("PinpointSMSVoiceV2.AssociateOriginationIdentity",
                "{\"PoolId\":\"" + pool + "\",\"OriginationIdentity\":\"" + phone + "\",\"ClientToken\":\"associate-1\"}"));
        List<String> tooLong = aws.awsViolations("PinpointSMSVoiceV2.AssociateOriginationIdentity",
                "{\"PoolId\":\"" + pool + "\",\"OriginationIdentity\":\"" + phone + "\",\"ClientToken\":\""
                        + pool + ":" + phone + "\"}");
        assertTrue(tooLong.stream().anyMatch(v -> v.contains("ClientToken is longer than 64")), tooLong.toString());
        assertTrue(aws.awsViolations("PinpointSMSVoiceV2.AssociateOriginationIdentity", "{\"PoolId\":\"" + pool + "\"}")
                .stream().anyMatch(v -> v.contains("OriginationIdentity is required")));
        assertTrue(!aws.awsViolations("PinpointSMSVoiceV2.DropEverything", "{}").isEmpty());
    }

    @Test
    void aVonageSmsFormWithAPlusInTheNumberOrWithoutTextIsCaught() {
        SpecValidator sms = SpecValidator.vonageSms();
        assertEquals(List.of(), sms.violations("POST", "/sms/json",
                "api_key=k&api_secret=s&from=14155550100&to=12125550100&text=hi+there&client-ref=msg_1"));
        assertTrue(sms.violations("POST", "/sms/json", "api_key=k&api_secret=s&from=14155550100&to=%2B12125550100")
                .stream().anyMatch(v -> v.contains("body.to must match")));
        assertTrue(sms.violations("POST", "/sms/json", "api_key=k&api_secret=s&from=14155550100&to=12125550100")
                .stream().anyMatch(v -> v.contains("body.text is required")));
    }
}
