package dev.poolkeeper.domain.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+14155550100", "14155550100", "+1 (415) 555-0100", " +1 415.555.0100 ", "1-415-555-0100"})
    void whatPeopleTypeIsNormalisedToE164(String typed) {
        assertEquals("+14155550100", PhoneNumber.parse(typed).e164());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "+1415", "+99912345678", "+1415555010099999", "+1 415 555 01OO", "++14155550100"})
    void whatIsNotAValidNumberIsRefusedAsNumberInvalid(String typed) {
        DomainException e = assertThrows(DomainException.class, () -> PhoneNumber.parse(typed));
        assertEquals(ErrorCode.NUMBER_INVALID, e.code());
    }

    @Test
    void nullIsRefusedAsNumberInvalid() {
        assertEquals(ErrorCode.NUMBER_INVALID,
                assertThrows(DomainException.class, () -> PhoneNumber.parse(null)).code());
    }

    @Test
    void aUsNumberKnowsItsCountryAndAreaCode() {
        PhoneNumber n = PhoneNumber.parse("+14155550100");
        assertEquals("US", n.country());
        assertEquals(Optional.of("415"), n.areaCode());
        assertTrue(n.isNanp());
    }

    @Test
    void aCanadianNumberIsNanpWithItsOwnCountry() {
        PhoneNumber n = PhoneNumber.parse("+16135550123");
        assertEquals("CA", n.country());
        assertEquals(Optional.of("613"), n.areaCode());
    }

    @Test
    void aUkNumberHasNoAreaCode() {
        PhoneNumber n = PhoneNumber.parse("+447400123456");
        assertEquals("GB", n.country());
        assertEquals(Optional.empty(), n.areaCode());
        assertFalse(n.isNanp());
    }

    @Test
    void tollFreeNumbersAreRecognised() {
        assertTrue(PhoneNumber.parse("+18005550100").isTollFree());
        assertEquals(NumberType.TOLL_FREE, NumberType.derivedFrom(PhoneNumber.parse("+18885550100")));
        assertEquals(NumberType.LONG_CODE, NumberType.derivedFrom(PhoneNumber.parse("+14155550100")));
    }

    @Test
    void theCanonicalConstructorAcceptsOnlyE164() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("14155550100"));
        assertEquals("14155550100", new PhoneNumber("+14155550100").digits());
    }

    /** Regions that share a country code (NANP, +44, +7) and a non-geographic number (+800). */
    @ParameterizedTest
    @ValueSource(strings = {"+14155550100", "+16135550123", "+18765550100", "+447400123456", "+447781123456",
            "+79161234567", "+77012345678", "+80012345678"})
    void aParsedNumberKnowsTheCountryItWouldDeriveFromItsTextAndEqualsThatNumber(String e164) {
        PhoneNumber parsed = PhoneNumber.parse(e164);
        PhoneNumber fromText = new PhoneNumber(e164);
        assertEquals(fromText.country(), parsed.country());
        assertEquals(fromText, parsed);
        assertEquals(fromText.hashCode(), parsed.hashCode());
    }

    @Test
    void countriesAreThoseOfLibphonenumber() {
        assertEquals("JM", PhoneNumber.parse("+18765550100").country());
        assertEquals("GG", PhoneNumber.parse("+447781123456").country());
        assertEquals("KZ", PhoneNumber.parse("+77012345678").country());
        assertEquals("001", PhoneNumber.parse("+80012345678").country());
    }
}
