package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/** What happened to one item of a bulk add or remove; {@code requested} is the item as given. */
public record MemberOutcome(String requested, PhoneNumber number, Status status, ErrorCode code, String message,
                            PoolMember member) {

    public enum Status {
        ADDED(true), ALREADY_PRESENT(true), REMOVED(true), NOT_FOUND(false), FAILED(false);

        private final boolean success;

        Status(boolean success) {
            this.success = success;
        }

        /** added, already present and removed leave the pool as the caller asked. */
        public boolean isSuccess() {
            return success;
        }
    }

    public MemberOutcome {
        Objects.requireNonNull(status, "status");
    }

    public static MemberOutcome added(String requested, PoolMember member) {
        return new MemberOutcome(requested, member.number(), Status.ADDED, null, null, member);
    }

    public static MemberOutcome alreadyPresent(String requested, PhoneNumber number) {
        return new MemberOutcome(requested, number, Status.ALREADY_PRESENT, null, null, null);
    }

    public static MemberOutcome removed(String requested, PhoneNumber number) {
        return new MemberOutcome(requested, number, Status.REMOVED, null, null, null);
    }

    public static MemberOutcome notFound(String requested, PhoneNumber number) {
        return new MemberOutcome(requested, number, Status.NOT_FOUND, ErrorCode.NUMBER_NOT_IN_POOL,
                number + " is not in this pool", null);
    }

    public static MemberOutcome failed(String requested, PhoneNumber number, ErrorCode code, String message) {
        return new MemberOutcome(requested, number, Status.FAILED, code, message, null);
    }

    public Optional<PoolMember> addedMember() {
        return Optional.ofNullable(member);
    }

    /** The number as the API shows it: normalised when it parsed, as given when it did not. */
    public String shownNumber() {
        return number != null ? number.e164() : requested;
    }
}
